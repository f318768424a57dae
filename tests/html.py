"""Reading the HTML our pages return."""

from bs4 import BeautifulSoup


def soup(response, status=200):
    assert response.status_code == status, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def html_lang_dir(response):
    document = BeautifulSoup(response.content.decode(), "html.parser")
    return document.html["lang"], document.html["dir"]
