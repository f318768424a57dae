"""The standing pages every new site starts with — about, contact, the accessibility
statement and the privacy notice — in Hebrew and in English.

Pure data, read by `core.seed.pages`. Each body is a list of ("heading", text) and
("paragraph", rich-text HTML) blocks. The English body mirrors the Hebrew one block for
block, and inside each paragraph element for element (<p>, <ul>, <ol>, <li>, <a>), because
the seed pairs the strings of the two versions in order to make the wagtail-localize
translation (`core/seed/translation.py`). Change both languages together.
"""

EMAIL = '<a href="mailto:shitufi@tkz.co.il">shitufi@tkz.co.il</a>'
PHONE = '<a href="tel:+97236925418">03-6925418</a>'

ABOUT = {
    "slug": "about",
    "show_in_menus": True,
    "role": None,
    "he": {
        "title": "אודות",
        "introduction": "התאגדות הקיבוצים השיתופיים היא תנועה של קיבוצים שבחרו בדרך השיתופית "
        "והשוויונית. המטה השיתופי מוביל את פעילותה.",
        "body": [
            ("heading", "מי אנחנו"),
            (
                "paragraph",
                "<p>התאגדות הקיבוצים השיתופיים היא תנועה של קיבוצים שיתופיים-שוויוניים. אנחנו "
                "פועלים על בסיס הערכים של צדק, חירות ואחווה אנושית, ורוצים להוביל את התחדשות "
                "הרעיון הקיבוצי במאה העשרים ואחת.</p>"
                "<p>ביסוד דרכנו עומדים ערכים משותפים:</p>"
                "<ul>"
                "<li>שוויון ערך האדם, וטיפוח יכולותיו של כל אחד ואחת בתוך הקהילה.</li>"
                "<li>שוויון ערך העבודה: לתרומתו של כל אדם יש ערך שווה, בלי פערים בשכר או "
                "בתקציב.</li>"
                "<li>קהילה של שותפים, המבוססת על בעלות משותפת בקרקע, באמצעי הייצור ובמבני "
                "הציבור.</li>"
                "<li>ערבות הדדית רחבה, בחינוך, בתרבות, בבריאות ובסיעוד.</li>"
                "<li>ניהול עצמי דמוקרטי, משתף ושקוף.</li>"
                "</ul>",
            ),
            ("heading", "תנועה בתוך תנועה"),
            (
                "paragraph",
                "<p>ההתאגדות פועלת כתנועה שיתופית בתוך התנועה הקיבוצית הכללית – "
                "„תנועה בתוך תנועה”. אנחנו משתפים פעולה ככל האפשר עם כל הקיבוצים, בכל מה "
                "שמשותף לנו, ובה בעת דואגים להמשך קיומם הייחודי של הקיבוצים השיתופיים.</p>"
                "<p>אנחנו רואים את עצמנו שותפים במאבק על אופייה הציוני והסוציאל-דמוקרטי של "
                "החברה הישראלית, ובבניית ברית רחבה של תנועות, גופים ואנשים שהשיתוף והשוויון "
                "יקרים להם.</p>",
            ),
            ("heading", "המטה השיתופי"),
            (
                "paragraph",
                "<p>המטה השיתופי מרכז ומוביל את פעילות ההתאגדות. בין השאר, המטה:</p>"
                "<ul>"
                "<li>מקיים קשר רצוף עם הקיבוצים ועם חבריהם, בביקורים בקיבוצים ובמפגשים "
                "אזוריים קבועים;</li>"
                "<li>מעודד שיח ערכי ורעיוני, ומקיים סדנאות וכנס שנתי;</li>"
                "<li>לומד מניסיונם של הקיבוצים, מפתח פתרונות שיתופיים חדשים ומלווה תהליכי "
                "התחדשות שיתופית;</li>"
                "<li>מסייע לקיבוצים המתמודדים עם קשיים, ומעודד עזרה הדדית בין הקיבוצים;</li>"
                "<li>תומך בקבוצות השיתופיות של תנועות הבוגרים, ופועל עם הדור הצעיר בתנועות "
                "הנוער;</li>"
                "<li>מחזק את כלי התקשורת השיתופיים, ובהם כתב העת העיוני „חברה-מפנה”;</li>"
                "<li>מסייע לקיבוצים השיתופיים בייעוץ משפטי.</li>"
                "</ul>"
                "<p>את החזון המלא של ההתאגדות אפשר לקרוא בדף „חזון ההתאגדות”. כדי לקבל את "
                "עדכוני המטה, הירשמו לניוזלטר שלנו.</p>",
            ),
        ],
    },
    "en": {
        "title": "About us",
        "introduction": "The Association of Cooperative Kibbutzim is a movement of kibbutzim "
        "that have chosen the cooperative, egalitarian way of life. The Cooperative HQ leads "
        "its work.",
        "body": [
            ("heading", "Who we are"),
            (
                "paragraph",
                "<p>The Association of Cooperative Kibbutzim is a movement of cooperative, "
                "egalitarian kibbutzim. We act on the values of justice, liberty and human "
                "fellowship, and we want to lead the renewal of the kibbutz idea in the "
                "twenty-first century.</p>"
                "<p>Our way rests on shared values:</p>"
                "<ul>"
                "<li>The equal worth of every person, and nurturing each person’s abilities "
                "within the community.</li>"
                "<li>The equal value of work: everyone’s contribution is worth the same, with "
                "no gaps in pay or budget.</li>"
                "<li>A community of partners, built on joint ownership of the land, the means "
                "of production and the public buildings.</li>"
                "<li>Broad mutual responsibility in education, culture, health and care.</li>"
                "<li>Democratic self-management that is open and involves everyone.</li>"
                "</ul>",
            ),
            ("heading", "A movement within a movement"),
            (
                "paragraph",
                "<p>The association works as a cooperative movement inside the general kibbutz "
                "movement – “a movement within a movement”. We cooperate as fully as we can "
                "with all kibbutzim in everything we share, while making sure that the "
                "cooperative kibbutzim continue to exist in their own distinct way.</p>"
                "<p>We see ourselves as partners in the struggle for the Zionist and "
                "social-democratic character of Israeli society, and in building a broad "
                "alliance of movements, organisations and people who value partnership and "
                "equality.</p>",
            ),
            ("heading", "The Cooperative HQ"),
            (
                "paragraph",
                "<p>The Cooperative HQ coordinates and leads the association’s work. Among "
                "other things, the HQ:</p>"
                "<ul>"
                "<li>keeps in regular touch with the kibbutzim and their members, through "
                "visits to kibbutzim and regular regional meetings;</li>"
                "<li>encourages discussion of our values and ideas, and holds workshops and an "
                "annual conference;</li>"
                "<li>learns from the kibbutzim’s experience, develops new cooperative solutions "
                "and guides processes of cooperative renewal;</li>"
                "<li>helps kibbutzim facing difficulties, and encourages mutual aid between "
                "kibbutzim;</li>"
                "<li>supports the cooperative groups of the graduate movements, and works with "
                "the younger generation in the youth movements;</li>"
                "<li>strengthens the cooperative media, including the journal "
                "“Hevra-Mifne”;</li>"
                "<li>helps the cooperative kibbutzim with legal advice.</li>"
                "</ul>"
                "<p>You can read the association’s full vision on the “Our vision” page. To "
                "receive updates from the HQ, sign up for our newsletter.</p>",
            ),
        ],
    },
}

CONTACT = {
    "slug": "contact",
    "show_in_menus": True,
    "role": None,
    "he": {
        "title": "צור קשר",
        "introduction": "נשמח לשמוע מכם. אפשר לפנות אלינו בדואר אלקטרוני או בטלפון.",
        "body": [
            ("heading", "דרכי התקשרות"),
            (
                "paragraph",
                "<ul>"
                f"<li>דואר אלקטרוני: {EMAIL}</li>"
                f"<li>טלפון: {PHONE}</li>"
                "<li>פקס: 03-6925417</li>"
                "</ul>"
                "<p>אין צורך לתאם מראש: התקשרו או כתבו לנו, ונחזור אליכם בהקדם. אם לא "
                "הצלחתם להשיג אותנו בטלפון, כתבו לנו ונחזור אליכם.</p>",
            ),
            ("heading", "למי לפנות ובאיזה עניין"),
            (
                "paragraph",
                "<ul>"
                "<li><b>שאלות כלליות, ביקורים בקיבוצים, סדנאות, מפגשים אזוריים והכנס "
                f"השנתי:</b> כתבו אלינו לכתובת {EMAIL}, או התקשרו למטה השיתופי.</li>"
                "<li><b>ניוזלטר:</b> נרשמים בטופס ההרשמה שבאתר. לאחר ההרשמה יישלח אליכם "
                "דואר אלקטרוני עם קישור לאישור, ורק אחרי האישור תצטרפו לרשימה. כדי להפסיק "
                "לקבל את הניוזלטר, לחצו על קישור ההסרה שבתחתית כל גיליון. כדי שנמחק את "
                f"פרטיכם לגמרי, כתבו אלינו לכתובת {EMAIL}.</li>"
                "<li><b>בקשות לייעוץ משפטי:</b> נציגי הקיבוצים החברים מגישים בקשות באזור "
                "החברים שבאתר, אחרי כניסה לחשבון. הבקשה והמסמכים המצורפים נשמרים בסודיות, "
                "ורק צוות הייעוץ המשפטי והקיבוץ המגיש רואים אותם. אנא אל תשלחו מסמכים "
                "משפטיים בדואר אלקטרוני רגיל. נציג שעדיין אין לו חשבון מוזמן להתקשר "
                f"אלינו: {PHONE}.</li>"
                "<li><b>נגישות:</b> לבקשות ולתלונות בנושא נגישות פנו לרכז הנגישות, כמפורט "
                "בהצהרת הנגישות.</li>"
                "<li><b>פרטיות:</b> לבקשות לעיון במידע שלכם, לתיקונו או למחיקתו, ראו את "
                "מדיניות הפרטיות.</li>"
                "</ul>",
            ),
            ("heading", "כשאתם פונים אלינו"),
            (
                "paragraph",
                "<p>בפרטים שתמסרו לנו נשתמש רק כדי לענות לפנייתכם. הסבר מלא תמצאו במדיניות "
                "הפרטיות.</p>",
            ),
        ],
    },
    "en": {
        "title": "Contact us",
        "introduction": "We are glad to hear from you. You can reach us by email or by phone.",
        "body": [
            ("heading", "How to reach us"),
            (
                "paragraph",
                "<ul>"
                f"<li>Email: {EMAIL}</li>"
                f"<li>Phone: {PHONE} (from abroad: +972-3-6925418)</li>"
                "<li>Fax: 03-6925417 (from abroad: +972-3-6925417)</li>"
                "</ul>"
                "<p>There is no need to make an appointment: call or write to us, and we will "
                "get back to you soon. If you could not reach us by phone, write to us and we "
                "will get back to you.</p>",
            ),
            ("heading", "Who to contact about what"),
            (
                "paragraph",
                "<ul>"
                "<li><b>General questions, visits to kibbutzim, workshops, regional meetings "
                f"and the annual conference:</b> write to us at {EMAIL}, or call the "
                "Cooperative HQ.</li>"
                "<li><b>Newsletter:</b> sign up with the form on this website. After you sign "
                "up, we will send you an email with a confirmation link, and you join the list "
                "only once you confirm. To stop receiving the newsletter, click the unsubscribe "
                "link at the bottom of any issue. To have your details erased completely, "
                f"write to us at {EMAIL}.</li>"
                "<li><b>Requests for legal advice:</b> representatives of member kibbutzim "
                "submit requests in the members’ area of this website, after logging in to "
                "their account. The request and its attachments are kept confidential, and "
                "only the legal counsel team and the submitting kibbutz can see them. Please do "
                "not send legal documents by ordinary email. A representative who does not yet "
                f"have an account is welcome to call us: {PHONE}.</li>"
                "<li><b>Accessibility:</b> for requests and complaints about accessibility, "
                "contact our accessibility coordinator, as set out in the accessibility "
                "statement.</li>"
                "<li><b>Privacy:</b> to see, correct or delete your information, please read "
                "the privacy notice.</li>"
                "</ul>",
            ),
            ("heading", "When you contact us"),
            (
                "paragraph",
                "<p>We use the details you give us only to answer you. You will find a full "
                "explanation in the privacy notice.</p>",
            ),
        ],
    },
}

ACCESSIBILITY = {
    "slug": "accessibility",
    "show_in_menus": False,
    "role": "accessibility",
    "he": {
        "title": "הצהרת נגישות",
        "introduction": "אנחנו רוצים שכל אחד ואחת, גם אנשים עם מוגבלות, יוכלו להשתמש באתר "
        "בקלות. כאן מפורט מה עשינו, מה עדיין אינו מושלם ואיך לפנות אלינו. תאריך העדכון "
        "האחרון של ההצהרה מופיע בתחתית הדף.",
        "body": [
            ("heading", "המחויבות שלנו"),
            (
                "paragraph",
                "<p>התאגדות הקיבוצים השיתופיים רואה בנגישות חלק מערך השוויון שבבסיס דרכה. "
                "האתר הונגש לפי חוק שוויון זכויות לאנשים עם מוגבלות, התשנ״ח-1998, ולפי "
                "תקנות שוויון זכויות לאנשים עם מוגבלות (התאמות נגישות לשירות), "
                "התשע״ג-2013.</p>"
                "<p>האתר נבנה כך שיעמוד בדרישות התקן הישראלי ת״י 5568, המבוסס על הנחיות "
                "הנגישות הבינלאומיות WCAG, ברמה AA. בבניית האתר יישמנו את הנחיות WCAG 2.1 "
                "ברמה AA.</p>",
            ),
            ("heading", "מה עשינו כדי להנגיש את האתר"),
            (
                "paragraph",
                "<ul>"
                "<li>הדפים בנויים בקוד HTML תקני ומובנה, עם כותרות, רשימות ואזורים מסומנים, "
                "כך שתוכנות הקראת מסך מציגות את מבנה הדף.</li>"
                "<li>אפשר להשתמש בכל האתר באמצעות המקלדת בלבד, בלי עכבר.</li>"
                "<li>בראש כל דף יש קישור „דלג לתוכן הראשי”, שמאפשר לעבור ישר לתוכן בלי לעבור "
                "על התפריט.</li>"
                "<li>המקום שבו נמצא סמן המקלדת (הפוקוס) מסומן במסגרת בולטת.</li>"
                "<li>הניגוד בין צבע הטקסט לצבע הרקע עומד בדרישות התקן, ומידע אינו מועבר "
                "באמצעות צבע בלבד.</li>"
                "<li>לתמונות יש טקסט חלופי שמתאר את תוכנן. תמונות לקישוט בלבד מסומנות כך "
                "שתוכנות הקראת מסך ידלגו עליהן.</li>"
                "<li>האתר מוצג מימין לשמאל בעברית ומשמאל לימין באנגלית, ושפת כל דף מוגדרת "
                "בקוד, כדי שתוכנות הקראה יקריאו אותו נכון.</li>"
                "<li>אפשר להגדיל את הטקסט עד 200% בעזרת הגדלת התצוגה בדפדפן (מקש Ctrl יחד עם "
                "מקש +), בלי לאבד תוכן או פעולות.</li>"
                "<li>באתר אין מגבלות זמן, וסרטונים אינם מתחילים לפעול מעצמם: הם פועלים רק "
                "כשלוחצים עליהם.</li>"
                "<li>בדקנו את האתר בתוכנת הקראת מסך, ובכל שינוי הוא עובר גם בדיקות נגישות "
                "אוטומטיות בכלי axe-core.</li>"
                "</ul>",
            ),
            ("heading", "מגבלות ידועות"),
            (
                "paragraph",
                "<p>למרות מאמצינו, ייתכן שחלקים מסוימים באתר עדיין אינם נגישים במלואם:</p>"
                "<ul>"
                "<li>פרסומים ישנים בקובצי PDF, ובהם גיליונות קודמים של כתב העת, הופקו לפני "
                "הקמת האתר וייתכן שאינם נגישים במלואם. אם אתם זקוקים לעותק נגיש של פרסום, "
                "פנו אלינו ונשלח לכם אותו בפורמט נגיש.</li>"
                "<li>סרטונים מוצגים בנגן של ספק וידאו חיצוני, ונגישות הנגן תלויה בו. ייתכן "
                "שבחלק מהסרטונים הישנים אין כתוביות.</li>"
                "</ul>"
                "<p>אנחנו ממשיכים לשפר את האתר. אם נתקלתם בבעיה, נשמח שתספרו לנו.</p>",
            ),
            ("heading", "נגישות המשרדים והאירועים"),
            (
                "paragraph",
                "<p>לפרטים על הסדרי הנגישות במשרדי המטה השיתופי ובאירועים שלנו – סדנאות, "
                "מפגשים אזוריים והכנס השנתי – ולבקשת התאמה לאירוע, פנו לרכז הנגישות. כדאי "
                "לפנות מראש, כדי שנוכל להיערך.</p>",
            ),
            ("heading", "פנייה לרכז הנגישות"),
            (
                "paragraph",
                "<p>אם נתקלתם בקושי באתר, אם אתם זקוקים למידע בפורמט נגיש או אם ברצונכם "
                "להגיש תלונה, פנו לרכז הנגישות של המטה השיתופי:</p>"
                "<ul>"
                f"<li>דואר אלקטרוני: {EMAIL}</li>"
                f"<li>טלפון: {PHONE}</li>"
                "</ul>"
                "<p>כדי שנוכל לטפל בפנייה במהירות, נשמח אם תציינו:</p>"
                "<ul>"
                "<li>את כתובת הדף או את שם המסמך שבו נתקלתם בבעיה;</li>"
                "<li>תיאור קצר של הבעיה;</li>"
                "<li>באיזה דפדפן השתמשתם, ואם נעזרתם בטכנולוגיה מסייעת – גם בה;</li>"
                "<li>איך נוח לכם שנחזור אליכם.</li>"
                "</ul>"
                "<p>נשיב לכל פנייה בתוך זמן סביר, ונעדכן אתכם על הטיפול בה.</p>",
            ),
        ],
    },
    "en": {
        "title": "Accessibility statement",
        "introduction": "We want everyone, including people with disabilities, to be able to "
        "use this website with ease. Here we explain what we have done, what is not yet "
        "perfect and how to contact us. The date this statement was last updated is shown at "
        "the bottom of the page.",
        "body": [
            ("heading", "Our commitment"),
            (
                "paragraph",
                "<p>The Association of Cooperative Kibbutzim sees accessibility as part of the "
                "value of equality at the heart of its way. This website was made accessible "
                "in line with the Equal Rights for Persons with Disabilities Law, 1998, and "
                "the Equal Rights for Persons with Disabilities (Service Accessibility "
                "Adjustments) Regulations, 2013.</p>"
                "<p>The website was built to meet the Israeli Standard IS 5568, which is based "
                "on the international Web Content Accessibility Guidelines (WCAG), at level "
                "AA. In building the website we applied WCAG 2.1 at level AA.</p>",
            ),
            ("heading", "What we have done"),
            (
                "paragraph",
                "<ul>"
                "<li>The pages are written in standard, well-structured HTML, with headings, "
                "lists and marked regions, so that screen readers can present the structure "
                "of each page.</li>"
                "<li>The whole website can be used with the keyboard alone, without a "
                "mouse.</li>"
                "<li>At the top of every page there is a “Skip to main content” link, which "
                "takes you straight to the content without going through the menu.</li>"
                "<li>The place where the keyboard cursor is (the focus) is shown with a clear "
                "outline.</li>"
                "<li>The contrast between text colour and background colour meets the "
                "standard, and no information is given by colour alone.</li>"
                "<li>Images have alternative text that describes them. Images that are only "
                "decorative are marked so that screen readers skip them.</li>"
                "<li>The website is shown right to left in Hebrew and left to right in "
                "English, and the language of each page is set in the code, so that screen "
                "readers read it correctly.</li>"
                "<li>You can enlarge the text up to 200% with your browser’s zoom (the Ctrl "
                "key together with the + key), without losing content or functions.</li>"
                "<li>There are no time limits, and videos do not start by themselves: they "
                "play only when you click them.</li>"
                "<li>We have tested the website with a screen reader, and every change also "
                "goes through automated accessibility checks with the axe-core tool.</li>"
                "</ul>",
            ),
            ("heading", "Known limitations"),
            (
                "paragraph",
                "<p>Despite our efforts, some parts of the website may not yet be fully "
                "accessible:</p>"
                "<ul>"
                "<li>Older publications in PDF files, including past issues of the journal, "
                "were produced before this website was built and may not be fully accessible. "
                "If you need an accessible copy of a publication, contact us and we will send "
                "it to you in an accessible format.</li>"
                "<li>Videos are shown in the player of an outside video provider, and the "
                "player’s accessibility depends on that provider. Some older videos may not "
                "have captions.</li>"
                "</ul>"
                "<p>We keep improving the website. If you come across a problem, please tell "
                "us.</p>",
            ),
            ("heading", "Accessibility of our offices and events"),
            (
                "paragraph",
                "<p>For details of the accessibility arrangements at the Cooperative HQ’s "
                "offices and at our events – workshops, regional meetings and the annual "
                "conference – and to ask for an adjustment at an event, contact our "
                "accessibility coordinator. Please get in touch in advance, so that we can "
                "prepare.</p>",
            ),
            ("heading", "Contacting our accessibility coordinator"),
            (
                "paragraph",
                "<p>If you have difficulty using the website, need information in an "
                "accessible format or wish to make a complaint, contact the Cooperative HQ’s "
                "accessibility coordinator:</p>"
                "<ul>"
                f"<li>Email: {EMAIL}</li>"
                f"<li>Phone: {PHONE}</li>"
                "</ul>"
                "<p>To help us deal with your request quickly, please tell us:</p>"
                "<ul>"
                "<li>the address of the page, or the name of the document, where you met the "
                "problem;</li>"
                "<li>a short description of the problem;</li>"
                "<li>which browser you used, and any assistive technology you used;</li>"
                "<li>how you would like us to get back to you.</li>"
                "</ul>"
                "<p>We will reply to every request within a reasonable time, and keep you "
                "informed of how we are handling it.</p>",
            ),
        ],
    },
}

PRIVACY = {
    "slug": "privacy",
    "show_in_menus": False,
    "role": "privacy",
    "he": {
        "title": "מדיניות פרטיות",
        "introduction": "אנחנו מכבדים את פרטיותכם. כאן מוסבר איזה מידע אנחנו אוספים, לשם מה, "
        "עם מי הוא משותף ואילו זכויות יש לכם.",
        "body": [
            ("heading", "מי אחראי למידע"),
            (
                "paragraph",
                "<p>האתר מופעל בידי התאגדות הקיבוצים השיתופיים, באמצעות המטה השיתופי. "
                "ההתאגדות היא בעלת השליטה במאגרי המידע של האתר, כהגדרתה בחוק הגנת הפרטיות, "
                "התשמ״א-1981, כפי שתוקן בתיקון מס׳ 13.</p>"
                f"<p>בכל שאלה על פרטיות אפשר לפנות אלינו לכתובת {EMAIL} או בטלפון "
                f"{PHONE}.</p>",
            ),
            ("heading", "איזה מידע אנחנו אוספים ולשם מה"),
            (
                "paragraph",
                "<ul>"
                "<li><b>מנויי הניוזלטר:</b> כתובת הדואר האלקטרוני, השפה שבחרתם ותיעוד "
                "ההסכמה שלכם – מועד ההרשמה ומועד האישור, כתובת ה-IP ופרטי הדפדפן. המטרה: "
                "לשלוח לכם את הניוזלטר ולהוכיח שהסכמתם לקבל אותו. תצטרפו לרשימה רק אחרי "
                "שתלחצו על קישור האישור שנשלח אליכם.</li>"
                "<li><b>פניות אלינו:</b> השם, פרטי הקשר ותוכן ההודעה ששלחתם לנו. המטרה: "
                "לענות לכם.</li>"
                "<li><b>חשבונות חברים:</b> השם, כתובת הדואר האלקטרוני, הקיבוץ והתפקיד של "
                "נציגי הקיבוצים החברים. המטרה: לאפשר כניסה לאזור החברים, ולוודא שכל נציג "
                "רואה רק את המידע של הקיבוץ שלו.</li>"
                "<li><b>בקשות לייעוץ משפטי:</b> תוכן הבקשה והמסמכים המצורפים אליה. המטרה: "
                "לתת לקיבוץ ייעוץ משפטי. המידע סודי: רק צוות הייעוץ המשפטי והקיבוץ שהגיש את "
                "הבקשה רואים אותו, וכל צפייה בו נרשמת.</li>"
                "</ul>",
            ),
            ("heading", "הסכמה ומסירת מידע"),
            (
                "paragraph",
                "<p>אינכם חייבים על פי חוק למסור לנו מידע, ומסירתו תלויה ברצונכם ובהסכמתכם. "
                "עם זאת, בלי כתובת דואר אלקטרוני לא נוכל לשלוח לכם את הניוזלטר, בלי פרטי קשר "
                "לא נוכל לענות לכם, ובלי פרטי הבקשה לא נוכל לתת ייעוץ משפטי.</p>"
                "<p>אפשר לבטל את ההסכמה לקבל את הניוזלטר בכל עת, בלחיצה אחת על קישור ההסרה "
                "שבתחתית כל גיליון.</p>",
            ),
            ("heading", "כמה זמן נשמר המידע"),
            (
                "paragraph",
                "<ul>"
                "<li><b>ניוזלטר:</b> כל עוד אתם רשומים. אחרי ההסרה נפסיק מיד לשלוח אליכם. "
                "אם תבקשו, נמחק את כל פרטיכם, ונשמור רק קוד חד-כיווני (hash) של כתובת "
                "הדואר האלקטרוני, שאי אפשר לקרוא ממנו את הכתובת, כדי שלא נוסיף אותה לרשימה "
                "שוב בטעות.</li>"
                "<li><b>פניות:</b> כל עוד הדבר נחוץ לטיפול בפנייה.</li>"
                "<li><b>חשבונות חברים:</b> כל עוד אתם משמשים נציגי הקיבוץ. כשהתפקיד מסתיים, "
                "החשבון נסגר.</li>"
                "<li><b>בקשות לייעוץ משפטי:</b> שבע שנים מסגירת הבקשה. אחר כך הבקשה "
                "והמסמכים המצורפים נמחקים.</li>"
                "</ul>",
            ),
            ("heading", "עם מי אנחנו משתפים מידע"),
            (
                "paragraph",
                "<p>איננו מוכרים מידע אישי, איננו משכירים אותו ואיננו מעבירים אותו לאחרים "
                "לצורכי פרסום. אנחנו נעזרים בספקי שירות שמחזיקים מידע בשבילנו, לפי "
                "הוראותינו ורק לצורך השירות:</p>"
                "<ul>"
                "<li>ספק משלוח דואר אלקטרוני, ששולח את הניוזלטר ואת הודעות האתר;</li>"
                "<li>ספק האחסון, שבשרתיו פועל האתר ונשמר המידע.</li>"
                "</ul>"
                "<p>אם ספק כזה שומר מידע מחוץ לישראל, ההעברה נעשית לפי תקנות הגנת הפרטיות "
                "(העברת מידע אל מאגרי מידע שמחוץ לגבולות המדינה), התשס״א-2001. נמסור מידע "
                "לרשויות רק אם החוק מחייב זאת.</p>",
            ),
            ("heading", "עוגיות (Cookies)"),
            (
                "paragraph",
                "<p>האתר משתמש רק בשלוש עוגיות הכרחיות:</p>"
                "<ul>"
                "<li><b>עוגיית התחברות:</b> שומרת על הכניסה שלכם לחשבון, אם נכנסתם.</li>"
                "<li><b>עוגיית אבטחה (CSRF):</b> מגינה על הטפסים באתר מפני שימוש לרעה.</li>"
                "<li><b>עוגיית שפה:</b> זוכרת אם בחרתם בעברית או באנגלית.</li>"
                "</ul>"
                "<p>איננו משתמשים בעוגיות למדידה, לניתוח תנועה או לפרסום. סרטון מוצג תחילה "
                "כתמונה בלבד: הנגן של ספק הווידאו נטען, והספק עשוי לשמור עוגיות משלו, רק "
                "אחרי שתלחצו על „הפעלה”.</p>",
            ),
            ("heading", "הזכויות שלכם"),
            (
                "paragraph",
                "<p>לפי חוק הגנת הפרטיות, אתם רשאים:</p>"
                "<ul>"
                "<li>לעיין במידע שנשמר עליכם;</li>"
                "<li>לבקש לתקן מידע שאינו נכון, שלם, ברור או מעודכן;</li>"
                "<li>לבקש למחוק את פרטיכם, ובהם להסיר אתכם מרשימת התפוצה.</li>"
                "</ul>"
                f"<p>כדי לממש זכות, כתבו אלינו לכתובת {EMAIL} או התקשרו למספר {PHONE}. ייתכן "
                "שנבקש לאמת את זהותכם לפני שנמסור או נשנה מידע. נשיב לכם בתוך 30 ימים לכל "
                "המאוחר. אם אינכם מרוצים מתשובתנו, אתם רשאים לפנות לרשות להגנת הפרטיות "
                "במשרד המשפטים.</p>",
            ),
            ("heading", "אבטחת המידע"),
            (
                "paragraph",
                "<p>אנחנו מגינים על המידע לפי תקנות הגנת הפרטיות (אבטחת מידע), "
                "התשע״ז-2017. בין השאר:</p>"
                "<ul>"
                "<li>התקשורת עם האתר מוצפנת (HTTPS);</li>"
                "<li>סיסמאות נשמרות רק בקוד חד-כיווני, שאי אפשר לקרוא;</li>"
                "<li>הגישה למידע מוגבלת לפי תפקיד, וכל אדם רואה רק את מה שהוא צריך "
                "לעבודתו;</li>"
                "<li>בקשות לייעוץ משפטי והמסמכים המצורפים להן נשמרים באחסון פרטי, שאין אליו "
                "קישור ציבורי, וכל גישה אליהם נרשמת.</li>"
                "</ul>",
            ),
            ("heading", "שינויים במדיניות"),
            (
                "paragraph",
                "<p>אם נשנה את המדיניות, נפרסם בדף זה את הנוסח המעודכן.</p>",
            ),
        ],
    },
    "en": {
        "title": "Privacy notice",
        "introduction": "We respect your privacy. This notice explains what information we "
        "collect, why, who it is shared with and what your rights are.",
        "body": [
            ("heading", "Who is responsible for your information"),
            (
                "paragraph",
                "<p>This website is run by the Association of Cooperative Kibbutzim, through "
                "the Cooperative HQ. The association is the controller of the website’s "
                "databases, as defined in the Privacy Protection Law, 1981, as amended by "
                "Amendment No. 13.</p>"
                f"<p>For any question about privacy, write to us at {EMAIL} or call "
                f"{PHONE}.</p>",
            ),
            ("heading", "What information we collect and why"),
            (
                "paragraph",
                "<ul>"
                "<li><b>Newsletter subscribers:</b> your email address, the language you "
                "chose, and a record of your consent – when you signed up and when you "
                "confirmed, your IP address and your browser details. Purpose: to send you the "
                "newsletter and to show that you agreed to receive it. You join the list only "
                "after you click the confirmation link we send you.</li>"
                "<li><b>Messages to us:</b> your name, contact details and the content of "
                "your message. Purpose: to answer you.</li>"
                "<li><b>Member accounts:</b> the name, email address, kibbutz and role of the "
                "representatives of member kibbutzim. Purpose: to let them log in to the "
                "members’ area, and to make sure each representative sees only their own "
                "kibbutz’s information.</li>"
                "<li><b>Requests for legal advice:</b> the content of the request and its "
                "attachments. Purpose: to give the kibbutz legal advice. This information is "
                "confidential: only the legal counsel team and the kibbutz that submitted the "
                "request can see it, and every time it is viewed is recorded.</li>"
                "</ul>",
            ),
            ("heading", "Consent and giving us information"),
            (
                "paragraph",
                "<p>You are not required by law to give us any information; it is your "
                "choice and depends on your consent. However, without an email address we "
                "cannot send you the newsletter, without contact details we cannot answer "
                "you, and without the details of a request we cannot give legal advice.</p>"
                "<p>You can withdraw your consent to receive the newsletter at any time, with "
                "one click on the unsubscribe link at the bottom of every issue.</p>",
            ),
            ("heading", "How long we keep information"),
            (
                "paragraph",
                "<ul>"
                "<li><b>Newsletter:</b> for as long as you are subscribed. Once you "
                "unsubscribe, we stop sending to you at once. If you ask, we erase all your "
                "details and keep only a one-way code (a hash) of your email address, from "
                "which the address cannot be read, so that we do not add it to the list "
                "again by mistake.</li>"
                "<li><b>Messages:</b> for as long as we need them to deal with your "
                "message.</li>"
                "<li><b>Member accounts:</b> for as long as you serve as your kibbutz’s "
                "representative. When the role ends, the account is closed.</li>"
                "<li><b>Requests for legal advice:</b> seven years from the closing of the "
                "request. After that, the request and its attachments are deleted.</li>"
                "</ul>",
            ),
            ("heading", "Who we share information with"),
            (
                "paragraph",
                "<p>We do not sell personal information, rent it out or pass it on to others "
                "for advertising. We use service providers who hold information for us, on "
                "our instructions and only for that service:</p>"
                "<ul>"
                "<li>an email delivery provider, which sends the newsletter and the website’s "
                "messages;</li>"
                "<li>our hosting provider, on whose servers the website runs and the "
                "information is stored.</li>"
                "</ul>"
                "<p>If such a provider stores information outside Israel, the transfer is made "
                "in line with the Privacy Protection (Transfer of Data to Databases Abroad) "
                "Regulations, 2001. We give information to the authorities only when the law "
                "requires it.</p>",
            ),
            ("heading", "Cookies"),
            (
                "paragraph",
                "<p>This website uses only three necessary cookies:</p>"
                "<ul>"
                "<li><b>A login cookie:</b> keeps you logged in to your account, if you have "
                "logged in.</li>"
                "<li><b>A security cookie (CSRF):</b> protects the forms on the website from "
                "misuse.</li>"
                "<li><b>A language cookie:</b> remembers whether you chose Hebrew or "
                "English.</li>"
                "</ul>"
                "<p>We do not use cookies for measurement, traffic analysis or advertising. A "
                "video is first shown as a picture only: the video provider’s player is "
                "loaded, and the provider may set its own cookies, only after you click "
                "“Play”.</p>",
            ),
            ("heading", "Your rights"),
            (
                "paragraph",
                "<p>Under the Privacy Protection Law, you may:</p>"
                "<ul>"
                "<li>see the information we hold about you;</li>"
                "<li>ask us to correct information that is not accurate, complete, clear or up "
                "to date;</li>"
                "<li>ask us to delete your details, including removing you from the mailing "
                "list.</li>"
                "</ul>"
                f"<p>To use a right, write to us at {EMAIL} or call {PHONE}. We may ask you "
                "to confirm your identity before we give out or change information. We will "
                "reply within 30 days at the latest. If you are not satisfied with our answer, "
                "you may turn to the Privacy Protection Authority at the Ministry of "
                "Justice.</p>",
            ),
            ("heading", "How we protect information"),
            (
                "paragraph",
                "<p>We protect information in line with the Privacy Protection (Data "
                "Security) Regulations, 2017. Among other things:</p>"
                "<ul>"
                "<li>communication with the website is encrypted (HTTPS);</li>"
                "<li>passwords are stored only as a one-way code, which cannot be read;</li>"
                "<li>access to information is limited by role, and each person sees only what "
                "they need for their work;</li>"
                "<li>requests for legal advice and their attachments are kept in private "
                "storage with no public link, and every access to them is recorded.</li>"
                "</ul>",
            ),
            ("heading", "Changes to this notice"),
            (
                "paragraph",
                "<p>If we change this notice, we will publish the updated version on this "
                "page.</p>",
            ),
        ],
    },
}

STANDING_PAGES = [ABOUT, CONTACT, ACCESSIBILITY, PRIVACY]
