"""The seed's HQ updates (עדכונים מהמטה השיתופי): data only, read by news/seed.py.

The updates follow the work plan of the vision paper (2010): the visits to every
cooperative kibbutz before the annual conference, regional meetings, dialogue workshops,
the education booklet, personal enrolment, the network of contact people, the leadership
groups, "Maof", the graduate movements' cooperative groups, media presence and legal counsel.

Body items are (block type, value) pairs, as in a StreamField, with two shorthands:
- an image is {"title": ..., "seed": ...}: drawn by news.seed_images.make_image, its
  alternative text taken from ILLUSTRATION_ALT by the drawing's motif;
- a call to action's "page" is the slug of a page under the home page.

An update with an "en" entry is also translated into English; its English body must
mirror the Hebrew one block for block and paragraph for paragraph.
"""

VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"

NEWS_INDEX = {
    "slug": "updates",
    "he": {
        "title": "עדכונים מהמטה השיתופי",
        "introduction": "חדשות, מפגשים ופעילות של המטה השיתופי והקיבוצים השיתופיים, "
        "בדרך להגשמת תוכנית העבודה של ההתאגדות.",
    },
    "en": {
        "title": "Updates from the Cooperative HQ",
        "introduction": "News, meetings and activity of the Cooperative HQ and the "
        "cooperative kibbutzim, on the way to carrying out the association's work plan.",
    },
}

CATEGORIES = [
    {"slug": "regional-meetings", "he": "מפגשים אזוריים", "en": "Regional meetings"},
    {"slug": "workshops", "he": "סדנאות", "en": "Workshops"},
    {"slug": "leadership", "he": "מנהיגות", "en": "Leadership"},
    {"slug": "education", "he": "חינוך", "en": "Education"},
    {"slug": "annual-conference", "he": "הכנס השנתי", "en": "Annual conference"},
    {"slug": "organizing", "he": "התארגנות שיתופית", "en": "Cooperative organizing"},
]

# What each motif of news.seed_images shows, for readers who cannot see it.
ILLUSTRATION_ALT = {
    "he": {
        "hills": "איור מופשט: גבעות ירוקות בשכבות, ומעליהן שמש בגוון חמרה",
        "circles": "איור מופשט: עיגולים בגוני חמרה, חול וירוק בהיר, ערוכים במעגל על רקע ירוק כהה",
        "furrows": "איור מופשט: תלמים ירוקים של שדה הנמשכים אל האופק, ומעליו שמש נמוכה בגוון חמרה",
        "arches": "איור מופשט: קשתות זו בתוך זו בירוק, בחמרה ובגוני חול, על רקע בהיר",
    },
    "en": {
        "hills": "Abstract illustration: layered green hills under a terracotta sun",
        "circles": "Abstract illustration: circles in terracotta, sand and pale green "
        "gathered in a ring on a dark green ground",
        "furrows": "Abstract illustration: green furrows of a field running to the horizon, "
        "a low terracotta sun above",
        "arches": "Abstract illustration: arches one inside the other in green, terracotta "
        "and sand on a light ground",
    },
}

UPDATES = [
    {
        "slug": "visits-to-every-cooperative-kibbutz",
        "days_ago": 300,
        "categories": ["regional-meetings", "annual-conference"],
        "tags": ["ביקורים בקיבוצים", "מזכירויות"],
        "hero": {"title": "סבב הביקורים בקיבוצים השיתופיים", "seed": 4},
        "he": {
            "title": "יוצאים לדרך: המטה השיתופי יבקר בכל הקיבוצים השיתופיים",
            "introduction": "עד הכנס השנתי יבקרו חברי המטה השיתופי בכל הקיבוצים השיתופיים "
            "והמתלבטים, למפגש ולדיון על המלצות הסדנה.",
            "body": [
                (
                    "paragraph",
                    "<p>המטה השיתופי פותח השבוע סבב ביקורים בכל הקיבוצים השיתופיים, וגם "
                    "בקיבוצים המתלבטים בדרכם. המפגשים יתקיימו עם מזכירויות הקיבוצים או עם "
                    "אסיפות החברים, לפי בחירת כל קיבוץ.</p>",
                ),
                (
                    "paragraph",
                    "<p>במרכז המפגשים יעמדו ערכי הליבה ותוכנית העבודה שגובשו בסדנת המטה "
                    "השיתופי: שוויון ערך האדם ושוויון ערך העבודה, ערבות הדדית רחבה וניהול "
                    "עצמי דמוקרטי, משתף ושקוף.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "קהילה של שותפים ריבוניים שהיא בית וגם דרך, המושתתת על "
                        "בעלות משותפת של הקיבוץ.",
                        "attribution": "מתוך חזון התאגדות הקיבוצים השיתופיים",
                    },
                ),
                (
                    "paragraph",
                    "<p>קיבוצים המבקשים לקבוע מועד לביקור מוזמנים לפנות למטה השיתופי. סיכום "
                    "הסבב יוצג בכנס השנתי של ההתאגדות.</p>",
                ),
                ("call_to_action", {"label": "לקריאת חזון ההתאגדות", "page": "vision"}),
            ],
        },
        "en": {
            "title": "On our way: the Cooperative HQ will visit every cooperative kibbutz",
            "introduction": "Before the annual conference, members of the Cooperative HQ will "
            "visit every cooperative kibbutz, and those still deciding, to meet and discuss "
            "the workshop's recommendations.",
            "body": [
                (
                    "paragraph",
                    "<p>This week the Cooperative HQ begins a round of visits to every "
                    "cooperative kibbutz, and to the kibbutzim still weighing their path. The "
                    "meetings will be held with each kibbutz's secretariat or with its general "
                    "assembly, as the kibbutz prefers.</p>",
                ),
                (
                    "paragraph",
                    "<p>At the heart of the meetings are the core values and the work plan "
                    "drawn up at the Cooperative HQ's workshop: the equal worth of every person "
                    "and of all work, broad mutual responsibility, and democratic "
                    "self-management that is participatory and transparent.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "A community of sovereign partners that is both a home and "
                        "a way, founded on the kibbutz's shared ownership.",
                        "attribution": "From the vision of the Association of Cooperative "
                        "Kibbutzim",
                    },
                ),
                (
                    "paragraph",
                    "<p>Kibbutzim wishing to set a date for a visit are invited to contact the "
                    "Cooperative HQ. A summary of the round will be presented at the "
                    "association's annual conference.</p>",
                ),
                ("call_to_action", {"label": "Read our vision", "page": "vision"}),
            ],
        },
    },
    {
        "slug": "regional-meeting-galilee-and-valleys",
        "days_ago": 279,
        "categories": ["regional-meetings"],
        "tags": ["צפון", "מפגש אזורי"],
        "hero": {"title": "מפגש אזורי בגליל ובעמקים", "seed": 1},
        "he": {
            "title": "מפגש אזורי ראשון בגליל ובעמקים",
            "introduction": "חברות וחברים מקיבוצי הצפון התכנסו למפגש האזורי הראשון של "
            "השנה, לשיחה על האתגרים המשותפים ועל דרכי הסיוע ההדדי.",
            "body": [
                (
                    "paragraph",
                    "<p>המפגש נפתח בסקירה של המטה השיתופי על תוכנית העבודה, והמשיך בשיחה "
                    "פתוחה בקבוצות קטנות. עלו בו שאלות של קליטת צעירים, של חלוקת העבודה ושל "
                    "שמירה על השוויון בתקופה של לחץ כלכלי.</p>",
                ),
                (
                    "image",
                    {
                        "image": {"title": "שיחה בקבוצות קטנות במפגש האזורי", "seed": 21},
                        "caption": "איור: השיחה בקבוצות קטנות, לב המפגש האזורי",
                    },
                ),
                (
                    "paragraph",
                    "<p>המשתתפים סיכמו להיפגש מדי רבעון, ובכל פעם באחד הקיבוצים באזור, וכך "
                    "לחזק את הקשר הרצוף בין הקיבוצים ובינם לבין המטה.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "כשאנחנו יושבים יחד מגלים שהשאלות שלנו דומות, ושלרבות מהן "
                        "כבר יש תשובה באחד הקיבוצים השכנים.",
                        "attribution": "חברת קיבוץ מהגליל המערבי",
                    },
                ),
            ],
        },
    },
    {
        "slug": "dialogue-workshops-half-of-the-kibbutzim",
        "days_ago": 258,
        "categories": ["workshops"],
        "tags": ["סדנאות שיח", "צעירים"],
        "hero": {"title": "סדנאות שיח וחשיבה", "seed": 5},
        "he": {
            "title": "סדנאות שיח וחשיבה: היעד — מחצית מהקיבוצים השיתופיים",
            "introduction": "המטה השיתופי מציע לקיבוצים סדנאות שיח וחשיבה לחברים, ובהם "
            "הצעירים. היעד לשנה הקרובה: סדנה במחצית מהקיבוצים השיתופיים.",
            "body": [
                ("heading", {"text": "מה בסדנה", "level": "h2"}),
                (
                    "paragraph",
                    "<p>הסדנה נמשכת שלושה מפגשים, ובהם החברים בוחנים יחד מה משמעותם של "
                    "השותפות והשוויון בחיי היום-יום של הקיבוץ, ואילו פתרונות שיתופיים "
                    "חדשניים מתאימים להם.</p>",
                ),
                (
                    "paragraph",
                    "<p>את הסדנאות מנחים חברי קיבוצים שיתופיים שהוכשרו לכך, והן מותאמות לכל "
                    "קיבוץ ולשאלות שעל סדר יומו.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "השיח הערכי אינו מותרות. הוא הדרך שבה קהילה מחליטה מי היא "
                        "רוצה להיות.",
                        "attribution": "מנחת סדנאות מטעם המטה השיתופי",
                    },
                ),
                ("call_to_action", {"label": "לתיאום סדנה בקיבוץ שלכם", "page": "contact"}),
            ],
        },
    },
    {
        "slug": "young-leadership-group-launched",
        "days_ago": 236,
        "categories": ["leadership"],
        "tags": ["מנהיגות צעירה", "עתודה"],
        "hero": {"title": "קבוצת המנהיגות הצעירה", "seed": 3},
        "he": {
            "title": "קבוצת המנהיגות הצעירה הראשונה יוצאת לדרך",
            "introduction": "עשרים חברות וחברים בני 20 עד 40 מקיבוצים שיתופיים ברחבי הארץ "
            "פתחו את שנת הפעילות של קבוצת המנהיגות הצעירה, העתודה של המטה השיתופי.",
            "body": [
                (
                    "paragraph",
                    "<p>הקבוצה תיפגש פעם בחודש לאורך השנה, ללימוד, לסיורים בקיבוצים ולעבודה "
                    "על פרויקטים שיובילו המשתתפים בקהילות שלהם.</p>",
                ),
                (
                    "paragraph",
                    "<p>בין הנושאים: כלכלה שיתופית, ניהול עצמי דמוקרטי, קליטה והתחדשות "
                    "הרעיון הקיבוצי במאה העשרים ואחת.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "באנו כדי ללמוד איך לקחת אחריות על הבית שלנו, ולא רק לגור בו.",
                        "attribution": "משתתף בקבוצת המנהיגות הצעירה",
                    },
                ),
                (
                    "video",
                    {
                        "video": VIDEO_URL,
                        "title": "מפגש הפתיחה של קבוצת המנהיגות הצעירה",
                        "caption": "רגעים ממפגש הפתיחה",
                    },
                ),
                (
                    "paragraph",
                    "<p>ההרשמה למחזור הבא תיפתח בסוף השנה. צעירות וצעירים המעוניינים להצטרף "
                    "מוזמנים לפנות למטה השיתופי.</p>",
                ),
                ("call_to_action", {"label": "ליצירת קשר עם המטה", "page": "contact"}),
            ],
        },
        "en": {
            "title": "The first young leadership group sets out",
            "introduction": "Twenty members aged 20 to 40, from cooperative kibbutzim across "
            "the country, opened the year of the young leadership group, the Cooperative HQ's "
            "next generation.",
            "body": [
                (
                    "paragraph",
                    "<p>The group will meet once a month throughout the year, to study, to "
                    "visit kibbutzim and to work on projects that the participants will lead in "
                    "their own communities.</p>",
                ),
                (
                    "paragraph",
                    "<p>Among the subjects: the cooperative economy, democratic "
                    "self-management, absorbing new members, and renewing the kibbutz idea in "
                    "the twenty-first century.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "We came to learn how to take responsibility for our home, "
                        "not only to live in it.",
                        "attribution": "A participant in the young leadership group",
                    },
                ),
                (
                    "video",
                    {
                        "video": VIDEO_URL,
                        "title": "The opening meeting of the young leadership group",
                        "caption": "Moments from the opening meeting",
                    },
                ),
                (
                    "paragraph",
                    "<p>Registration for the next group opens at the end of the year. Young "
                    "members who would like to join are invited to contact the Cooperative "
                    "HQ.</p>",
                ),
                ("call_to_action", {"label": "Contact the HQ", "page": "contact"}),
            ],
        },
    },
    {
        "slug": "education-booklet-writing-team",
        "days_ago": 214,
        "categories": ["education"],
        "tags": ["חוברת הדרכה", "חינוך בלתי פורמלי"],
        "hero": {"title": "חוברת ההדרכה לחינוך הבלתי פורמלי", "seed": 7},
        "he": {
            "title": "חוברת הדרכה למחנכים: צוות הכתיבה התכנס",
            "introduction": "צוות של מחנכים ורכזי חינוך מהקיבוצים השיתופיים החל לכתוב תוכנית "
            "חינוכית בחוברת הדרכה, לשימוש בחינוך הבלתי פורמלי בקיבוצים.",
            "body": [
                (
                    "paragraph",
                    "<p>החוברת תציע למדריכים ולרכזי החינוך פעולות, דיונים ומשחקים על ערכי "
                    "השותפות, השוויון והערבות ההדדית, מותאמים לגילים שונים.</p>",
                ),
                (
                    "image",
                    {
                        "image": {"title": "עבודת צוות הכתיבה של חוברת ההדרכה", "seed": 23},
                        "caption": "איור: תוכנית חינוכית הנבנית שכבה אחר שכבה",
                    },
                ),
                (
                    "paragraph",
                    "<p>הצוות נעזר בניסיון שנצבר בחברות הנעורים ובתנועות הנוער, ובהתנסויות "
                    "של הקיבוצים השיתופיים עצמם. טיוטה ראשונה תישלח להערות הרכזים בקיבוצים.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "ילדים לומדים שוויון קודם כול ממה שהם רואים סביבם. החוברת "
                        "באה לתת למדריכים מילים ודרכים לשיחה על מה שהם רואים.",
                        "attribution": "רכזת חינוך בקיבוץ שיתופי בעמק",
                    },
                ),
            ],
        },
    },
    {
        "slug": "regional-meeting-negev-and-arava",
        "days_ago": 193,
        "categories": ["regional-meetings"],
        "tags": ["דרום", "מפגש אזורי"],
        "hero": {"title": "מפגש אזורי בנגב ובערבה", "seed": 2},
        "he": {
            "title": "מפגש אזורי בנגב ובערבה: סיוע הדדי בין קיבוצים",
            "introduction": "במפגש האזורי בדרום דנו חברי הקיבוצים השיתופיים ביצירת כלים "
            "חדשים לסיוע הדדי בין קיבוצים, בעיקר בשעת קושי.",
            "body": [
                (
                    "paragraph",
                    "<p>נציגי הקיבוצים הציגו את ההתנסויות שלהם בתחומי התעסוקה, החינוך והסיעוד, "
                    "ובחנו אילו מהן אפשר להרחיב לקיבוצים נוספים באזור.</p>",
                ),
                (
                    "paragraph",
                    "<p>המטה השיתופי ירכז את ההצעות שעלו במפגש ויביא אותן לדיון בפורום "
                    "אנשי הקשר הארצי.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "ערבות הדדית רחבה ומקיפה, בדגש על החינוך, ההשכלה, התרבות, "
                        "הבריאות והסיעוד.",
                        "attribution": "מתוך ערכי הליבה של הקיבוץ השיתופי",
                    },
                ),
            ],
        },
    },
    {
        "slug": "personal-enrolment-opens",
        "days_ago": 171,
        "categories": ["organizing"],
        "tags": ["התפקדות", "קיבוצים דיפרנציאליים"],
        "hero": {"title": "ההתפקדות האישית להתארגנות השיתופית", "seed": 9},
        "he": {
            "title": "נפתחה ההתפקדות האישית להתארגנות השיתופית",
            "introduction": "חברות וחברים מהקיבוצים השיתופיים וגם מהקיבוצים הדיפרנציאליים "
            "מוזמנים להתפקד באופן אישי להתארגנות הקיבוצים השיתופיים.",
            "body": [
                (
                    "paragraph",
                    "<p>ההתפקדות האישית פותחת את ההתארגנות לכל מי שהשיתוף והשוויון יקרים לו, "
                    "גם אם הקיבוץ שלו בחר בדרך אחרת. המתפקדים יוזמנו למפגשים, לסדנאות ולכנס "
                    "השנתי, ויקבלו את עדכוני המטה.</p>",
                ),
                (
                    "paragraph",
                    "<p>ההתפקדות אינה כרוכה בתשלום. הפרטים נשמרים במטה השיתופי ומשמשים רק "
                    "לקשר עם המתפקדים.</p>",
                ),
                ("call_to_action", {"label": "לפרטים ולהתפקדות", "page": "contact"}),
            ],
        },
    },
    {
        "slug": "network-of-contact-people",
        "days_ago": 150,
        "categories": ["organizing"],
        "tags": ["אנשי קשר", "נאמני הדרך השיתופית"],
        "hero": {"title": "רשת אנשי הקשר בקיבוצים", "seed": 8},
        "he": {
            "title": "רשת אנשי קשר ונאמני הדרך השיתופית",
            "introduction": "בכל קיבוץ שיתופי ימונה איש או אשת קשר של המטה, ופורומים אזוריים "
            "של נאמני הדרך השיתופית ייפגשו באופן קבוע.",
            "body": [
                (
                    "paragraph",
                    "<p>אנשי הקשר יעבירו מידע בין המטה לקיבוצים, יביאו למטה את השאלות והצרכים "
                    "שעולים בקהילות ויסייעו בארגון המפגשים והסדנאות.</p>",
                ),
                (
                    "paragraph",
                    "<p>עד כה הצטרפו לרשת נציגים מיותר משלושים קיבוצים. המפגש הארצי הראשון של "
                    "אנשי הקשר יתקיים בחודשים הקרובים.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "הרשת היא הדרך שלנו לשמוע את הקיבוצים, לא רק לדבר אליהם.",
                        "attribution": "מרכז המטה השיתופי",
                    },
                ),
            ],
        },
    },
    {
        "slug": "senior-economic-social-leadership-group",
        "days_ago": 128,
        "categories": ["leadership"],
        "tags": ["מודלים כלכליים-חברתיים", "הנהגות הקיבוצים"],
        "hero": {"title": "קבוצת המנהיגות הכלכלית-חברתית", "seed": 11},
        "he": {
            "title": "קבוצת מנהיגות כלכלית-חברתית לעיצוב מודלים חדשניים",
            "introduction": "חברים מההנהגות הכלכליות והחברתיות של הקיבוצים השיתופיים נפגשים "
            "בקבוצת מנהיגות בוגרת, כדי לעצב מודלים כלכליים-חברתיים חדשניים.",
            "body": [
                (
                    "paragraph",
                    "<p>בקבוצה משתתפים מרכזי משק, מזכירים ומרכזי קהילה. היא בוחנת דרכים לחזק "
                    "את הכלכלה השיתופית בלי לוותר על שוויון ערך העבודה, ולהימנע מגידול "
                    "הפערים בין החברים.</p>",
                ),
                (
                    "image",
                    {
                        "image": {"title": "מודלים כלכליים-חברתיים חדשניים", "seed": 22},
                        "caption": "איור: עבודה משותפת, תלם אחר תלם",
                    },
                ),
                (
                    "paragraph",
                    "<p>תוצרי הקבוצה יופצו לקיבוצים בשיתוף עם מעוף, חברת הייעוץ השיתופית.</p>",
                ),
            ],
        },
    },
    {
        "slug": "maof-cooperative-research",
        "days_ago": 106,
        "categories": ["organizing"],
        "tags": ["מעוף", "מו״פ שיתופי"],
        "hero": {"title": "מעוף — מחקר ופיתוח שיתופי", "seed": 6},
        "he": {
            "title": "מעוף מרחיבה את פעילות המחקר והפיתוח השיתופי",
            "introduction": "מעוף, חברת הייעוץ השיתופית, פותחת תחום של מחקר ופיתוח שיתופי "
            "שממצאיו יופצו לכל הקיבוצים.",
            "body": [
                (
                    "paragraph",
                    "<p>התחום החדש ירכז את החשיבה ואת ההתנסויות של הקיבוצים השיתופיים, ויפתח "
                    "פתרונות שיתופיים-שוויוניים בתחומי התקציב, הפנסיה, הדיור והתעסוקה.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "לכל קיבוץ יש פתרונות שנולדו מתוך הצורך. תפקידנו לאסוף "
                        "אותם, לבדוק אותם ולהנגיש אותם לכולם.",
                        "attribution": "צוות מעוף",
                    },
                ),
                (
                    "paragraph",
                    "<p>קיבוצים המעוניינים לשתף בהתנסות או לקבל ליווי מוזמנים לפנות למטה "
                    "השיתופי.</p>",
                ),
                ("call_to_action", {"label": "לפנייה למטה השיתופי", "page": "contact"}),
            ],
        },
    },
    {
        "slug": "graduate-movement-groups-join-kibbutzim",
        "days_ago": 84,
        "categories": ["organizing", "leadership"],
        "tags": ["תנועות הבוגרים", "קבוצות שיתופיות"],
        "hero": {"title": "קבוצות שיתופיות של תנועות הבוגרים", "seed": 12},
        "he": {
            "title": "קבוצות שיתופיות של תנועות הבוגרים מצטרפות לקיבוצים",
            "introduction": "שתי קבוצות שיתופיות של תנועות הבוגרים החלו בתהליך השתלבות "
            "בקיבוצים שיתופיים, ראשונות מתוך שלוש עד חמש קבוצות שהמטה שם לו ליעד.",
            "body": [
                (
                    "paragraph",
                    "<p>הקבוצות, שחבריהן חיים בשיתוף כבר כמה שנים, יגורו בקיבוץ, יעבדו בו "
                    "וישתתפו בחיי הקהילה, ובתום תקופת היכרות יחליטו הקבוצה והקיבוץ יחד על "
                    "ההמשך.</p>",
                ),
                (
                    "image",
                    {
                        "image": {"title": "השתלבות הקבוצות השיתופיות בקיבוצים", "seed": 25},
                        "caption": "איור: קבוצה וקהילה נפגשות",
                    },
                ),
                (
                    "quote",
                    {
                        "quote": "חיפשנו מקום שבו השיתוף אינו רק רעיון אלא דרך חיים. מצאנו "
                        "קהילה שמחכה לנו.",
                        "attribution": "חברה באחת הקבוצות השיתופיות",
                    },
                ),
                ("call_to_action", {"label": "לקריאת חזון ההתאגדות", "page": "vision"}),
            ],
        },
    },
    {
        "slug": "legal-counsel-for-cooperative-kibbutzim",
        "days_ago": 62,
        "categories": ["organizing"],
        "tags": ["ייעוץ משפטי"],
        "hero": {"title": "הייעוץ המשפטי לקיבוצים השיתופיים", "seed": 15},
        "he": {
            "title": "ייעוץ משפטי למטה ולקיבוצים השיתופיים",
            "introduction": "המטה השיתופי מחזק את הייעוץ המשפטי שלו, ופותח שעות ייעוץ קבועות "
            "למזכירויות הקיבוצים השיתופיים.",
            "body": [
                (
                    "paragraph",
                    "<p>הייעוץ יעסוק בתקנוני הקיבוצים, בזכויות החברים ובשמירה על הבעלות "
                    "המשותפת בקרקע, בתשתיות ובאמצעי הייצור.</p>",
                ),
                (
                    "paragraph",
                    "<p>מזכירויות המבקשות לקבוע פגישה מוזמנות לפנות למטה בדואר אלקטרוני או "
                    "בטלפון.</p>",
                ),
                ("call_to_action", {"label": "לפרטי הקשר", "page": "contact"}),
            ],
        },
    },
    {
        "slug": "media-presence-and-spokesmanship",
        "days_ago": 41,
        "categories": ["organizing"],
        "tags": ["תקשורת", "הסברה"],
        "hero": {"title": "הנוכחות התקשורתית של ההתאגדות", "seed": 17},
        "he": {
            "title": "מחזקים את הנוכחות התקשורתית של הקיבוצים השיתופיים",
            "introduction": "המטה השיתופי מרחיב את פעילות הדוברות וההסברה, כדי להציג לציבור "
            "את הקיבוץ השיתופי כחלופה חיה ואפשרית.",
            "body": [
                (
                    "paragraph",
                    "<p>במסגרת הפעילות יתפרסמו סיפורים מהקיבוצים השיתופיים, ראיונות עם חברים "
                    "ועם צעירים, והתנסויות במחקר ובפיתוח השיתופי.</p>",
                ),
                (
                    "video",
                    {
                        "video": VIDEO_URL,
                        "title": "סרטון: הקיבוץ השיתופי בעיני חבריו",
                        "caption": "הסרטון הראשון בסדרה על הקיבוצים השיתופיים",
                    },
                ),
                (
                    "paragraph",
                    "<p>חברים המבקשים לספר על הקהילה שלהם, או להצטרף לצוות ההסברה, מוזמנים "
                    "לפנות למטה.</p>",
                ),
            ],
        },
    },
    {
        "slug": "annual-conference-summary",
        "days_ago": 19,
        "categories": ["annual-conference"],
        "tags": ["הכנס השנתי", "ביקורים בקיבוצים", "תוכנית עבודה"],
        "hero": {"title": "הכנס השנתי של ההתאגדות", "seed": 10},
        "he": {
            "title": "הכנס השנתי: סיכום סבב הביקורים ותוכנית העבודה לשנה הבאה",
            "introduction": "מאות חברות וחברים מהקיבוצים השיתופיים השתתפו בכנס השנתי של "
            "ההתאגדות, שבו הוצג סיכום סבב הביקורים בקיבוצים.",
            "body": [
                (
                    "paragraph",
                    "<p>בכנס הוצגו ממצאי הביקורים: השאלות שעלו במזכירויות ובאסיפות, "
                    "ההתנסויות המוצלחות והצרכים שהקיבוצים ביקשו מהמטה לתת להם מענה.</p>",
                ),
                (
                    "image",
                    {
                        "image": {"title": "הכנס השנתי — מליאת הכנס", "seed": 24},
                        "caption": "איור: הדרך שעשינו השנה",
                    },
                ),
                (
                    "paragraph",
                    "<p>בהמשך אישר הכנס את עיקרי תוכנית העבודה לשנה הבאה: הרחבת הסדנאות, "
                    "מחזור נוסף של קבוצת המנהיגות הצעירה והפצת חוברת ההדרכה למחנכים.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "להיות מובילי התחדשות הרעיון הקיבוצי במאה העשרים ואחת.",
                        "attribution": "מתוך חזון התאגדות הקיבוצים השיתופיים",
                    },
                ),
                ("call_to_action", {"label": "לקריאת חזון ההתאגדות", "page": "vision"}),
            ],
        },
    },
]
