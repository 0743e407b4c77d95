"""The programme's standard values, as the ministry's page names them.

Loaded by ``manage.py load_programme_taxonomy``; editors may add to them in the admin.
"""

CAPACITY_AREAS = [
    ("governance", "Governance", "Gouvernance", "الحكامة"),
    ("finance", "Financial management", "Gestion financière", "التدبير المالي"),
    ("project-cycle", "Project cycle", "Cycle de projet", "دورة المشروع"),
    ("partnerships", "Partnerships", "Partenariats", "الشراكات"),
    ("communication", "Communication", "Communication", "التواصل"),
    ("volunteers", "Volunteers", "Bénévolat", "التطوع"),
]

STRATEGIC_AXES = [
    ("project-engineering", "Project engineering", "Ingénierie de projet", "هندسة المشاريع"),
    ("school-support", "School support", "Soutien scolaire", "الدعم المدرسي"),
    (
        "youth-and-precarious",
        "Young people and people in precarious situations",
        "Jeunes et personnes en situation de précarité",
        "الشباب والأشخاص في وضعية هشة",
    ),
    (
        "cultural-link",
        "Cultural projects linking with the homeland",
        "Projets culturels de lien avec le pays d'origine",
        "المشاريع الثقافية للارتباط بالوطن الأم",
    ),
    (
        "women-conditions",
        "Improving the conditions of women",
        "Amélioration des conditions des femmes",
        "تحسين أوضاع النساء",
    ),
    (
        "solidarity-development",
        "Solidarity development",
        "Développement solidaire",
        "التنمية التضامنية",
    ),
]

SPECIALIZED_GROUPS = [
    ("children", "Children in school", "Enfants scolarisés", "الأطفال المتمدرسون"),
    ("young-people", "Young people", "Jeunes", "الشباب"),
    ("elderly-persons", "Elderly persons", "Personnes âgées", "المسنون"),
    ("detainees", "Detainees", "Détenus", "السجناء"),
    ("women", "Women", "Femmes", "النساء"),
    (
        "people-in-difficulty",
        "People in difficult situations",
        "Personnes en situation difficile",
        "الأشخاص في وضعية صعبة",
    ),
]

# (ISO code, English, French, Arabic, default IANA time zone): the largest MLA communities,
# then Morocco itself, where many workshops take place.
COUNTRIES = [
    ("fr", "France", "France", "فرنسا", "Europe/Paris"),
    ("es", "Spain", "Espagne", "إسبانيا", "Europe/Madrid"),
    ("it", "Italy", "Italie", "إيطاليا", "Europe/Rome"),
    ("be", "Belgium", "Belgique", "بلجيكا", "Europe/Brussels"),
    ("nl", "Netherlands", "Pays-Bas", "هولندا", "Europe/Amsterdam"),
    ("de", "Germany", "Allemagne", "ألمانيا", "Europe/Berlin"),
    ("gb", "United Kingdom", "Royaume-Uni", "المملكة المتحدة", "Europe/London"),
    ("ca", "Canada", "Canada", "كندا", "America/Toronto"),
    ("us", "United States", "États-Unis", "الولايات المتحدة", "America/New_York"),
    (
        "ae",
        "United Arab Emirates",
        "Émirats arabes unis",
        "الإمارات العربية المتحدة",
        "Asia/Dubai",
    ),
    ("sa", "Saudi Arabia", "Arabie saoudite", "المملكة العربية السعودية", "Asia/Riyadh"),
    ("qa", "Qatar", "Qatar", "قطر", "Asia/Qatar"),
    ("ma", "Morocco", "Maroc", "المغرب", "Africa/Casablanca"),
]

# Morocco's twelve regions (2015 division), for the regions of origin of solidarity-development
# projects: (code, English, French, Arabic).
REGIONS = [
    (
        "tanger-tetouan-al-hoceima",
        "Tanger-Tetouan-Al Hoceima",
        "Tanger-Tétouan-Al Hoceïma",
        "طنجة تطوان الحسيمة",
    ),
    ("oriental", "Oriental", "L'Oriental", "الشرق"),
    ("fes-meknes", "Fez-Meknes", "Fès-Meknès", "فاس مكناس"),
    ("rabat-sale-kenitra", "Rabat-Sale-Kenitra", "Rabat-Salé-Kénitra", "الرباط سلا القنيطرة"),
    ("beni-mellal-khenifra", "Beni Mellal-Khenifra", "Béni Mellal-Khénifra", "بني ملال خنيفرة"),
    ("casablanca-settat", "Casablanca-Settat", "Casablanca-Settat", "الدار البيضاء سطات"),
    ("marrakech-safi", "Marrakesh-Safi", "Marrakech-Safi", "مراكش آسفي"),
    ("draa-tafilalet", "Draa-Tafilalet", "Drâa-Tafilalet", "درعة تافيلالت"),
    ("souss-massa", "Souss-Massa", "Souss-Massa", "سوس ماسة"),
    ("guelmim-oued-noun", "Guelmim-Oued Noun", "Guelmim-Oued Noun", "كلميم واد نون"),
    (
        "laayoune-sakia-el-hamra",
        "Laayoune-Sakia El Hamra",
        "Laâyoune-Sakia El Hamra",
        "العيون الساقية الحمراء",
    ),
    ("dakhla-oued-ed-dahab", "Dakhla-Oued Ed-Dahab", "Dakhla-Oued Ed-Dahab", "الداخلة وادي الذهب"),
]


# Below each region, its provinces and prefectures (75 rows, kept in a module of their own).
from .provinces import PROVINCES  # noqa: E402

__all__ = ["COUNTRIES", "PROVINCES", "REGIONS", "SPECIALIZED_GROUPS", "STRATEGIC_AXES"]
