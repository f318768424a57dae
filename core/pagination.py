"""One page of a listing, as every listing of the site pages: a page number that is not
a number shows the first page, one past the end is a 404."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def page_or_404(items, request, per_page):
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage as error:
        raise Http404 from error
