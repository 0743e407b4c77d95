"""Demo case studies for the best-practice library, loaded by demo_library.py.

Invented but plausible: the associations are the demo's, the people and e-mail addresses
fictional. Most were written in French, two in English and two in Arabic.
"""

import datetime

# Each case study: the language it was written in, its content, and optional translations
# (language -> title, summary, tags). Narrative sections are lists of paragraphs.
DEMO_CASE_STUDIES = [
    {
        "slug": "soutien-scolaire-raval-barcelone",
        "language": "fr",
        "title": "Un soutien scolaire du soir qui associe les parents, à Barcelone",
        "summary": (
            "Trois soirs par semaine, des étudiants bénévoles d'origine marocaine aident "
            "60 élèves du quartier du Raval à faire leurs devoirs, et les parents apprennent "
            "à suivre la scolarité de leurs enfants avec l'école."
        ),
        "association": "Asociación Puente del Estrecho",
        "country": "es",
        "groups": ["children"],
        "axes": ["school-support"],
        "tags": ["soutien scolaire", "bénévolat", "parents"],
        "period": (datetime.date(2021, 9, 15), datetime.date(2024, 6, 30)),
        "budget": ("38500", "EUR"),
        "funders": (
            "Ministère chargé des Marocains résidant à l'étranger (programme de partenariat "
            "2022 et 2023) ; Ajuntament de Barcelona, subvention aux associations de quartier."
        ),
        "partners_host_country": (
            "Escola Collaso i Gil (prêt de salles et échanges avec les enseignants) ; "
            "Casal de Barri Folch i Torres."
        ),
        "partners_morocco": "Association Tanger Lecture, qui a fourni des livres bilingues.",
        "context": [
            "Au Raval, beaucoup d'enfants arrivés du Maroc après l'âge de huit ans "
            "apprennent à la fois le catalan et l'espagnol, et décrochent dès le primaire. "
            "Les parents, souvent en horaires décalés, ne connaissent pas les attentes de "
            "l'école et n'osent pas rencontrer les enseignants.",
            "L'association organisait déjà un soutien ponctuel avant les examens, sans suivi "
            "d'une année sur l'autre.",
        ],
        "what_was_done": [
            "Des groupes de six élèves au plus, de 17 h 30 à 19 h, trois soirs par semaine, "
            "dans deux salles prêtées par l'école. Chaque groupe a un étudiant référent qui "
            "garde le même élève toute l'année et tient un carnet de suivi.",
            "Une fois par mois, un « café des parents » en darija et en espagnol explique le "
            "bulletin, l'agenda scolaire et les rendez-vous avec l'enseignant ; une "
            "médiatrice accompagne les parents qui le souhaitent.",
        ],
        "results": [
            "En trois années scolaires, 142 élèves ont été suivis. Les enseignants signalent "
            "des devoirs rendus plus régulièrement et des parents présents aux réunions.",
            "L'école a intégré le café des parents à son propre calendrier à partir de 2023.",
        ],
        "indicators": [
            ("Élèves passant en classe supérieure sans redoublement", "71 %", "89 %"),
            ("Parents présents à la réunion de rentrée", "18", "52"),
            ("Étudiants bénévoles actifs sur l'année", "6", "21"),
        ],
        "success_factors": [
            "Le même référent toute l'année : l'enfant et la famille savent à qui parler. "
            "La convention signée avec l'école a donné une légitimité aux bénévoles et un "
            "accès direct aux enseignants.",
        ],
        "pitfalls": [
            "La première année, les groupes de dix élèves étaient trop grands et les "
            "bénévoles se sont épuisés. Ne pas promettre de « cours particuliers » : "
            "l'association aide à faire les devoirs, elle ne remplace pas l'enseignant.",
        ],
        "replication": [
            "Commencer par une école partenaire et une vingtaine d'élèves, recruter les "
            "bénévoles dans les associations étudiantes, et prévoir un carnet de suivi "
            "simple dès le premier jour. Le budget tient surtout dans les défraiements des "
            "bénévoles et le goûter.",
        ],
        "contact": ("Laila Chraibi", "laila.chraibi@puente-estrecho.example.org"),
        "courses": ["school-support-children-abroad", "monitoring-evaluation-reporting"],
        "translations": {
            "en": (
                "Evening homework help that involves parents, in Barcelona",
                "Three evenings a week, student volunteers of Moroccan origin help 60 pupils "
                "of the Raval district with their homework, and parents learn to follow "
                "their children's schooling with the school.",
                ["school support", "volunteering", "parents"],
            ),
        },
    },
    {
        "slug": "mentorat-jeunes-emploi-lyon",
        "language": "fr",
        "title": "Du mentorat vers l'emploi pour les jeunes de Vaulx-en-Velin",
        "summary": (
            "Des cadres et entrepreneurs issus de l'immigration marocaine parrainent pendant "
            "neuf mois des jeunes de 18 à 25 ans sans emploi ni formation ; deux sur trois "
            "ont trouvé un emploi, un stage ou une formation qualifiante."
        ),
        "association": "Association Jeunesse Maroc-France",
        "country": "fr",
        "groups": ["young-people"],
        "axes": ["youth-and-precarious"],
        "tags": ["mentorat", "emploi", "jeunes"],
        "period": (datetime.date(2022, 1, 10), datetime.date(2023, 12, 15)),
        "budget": ("52000", "EUR"),
        "funders": (
            "Ministère chargé des Marocains résidant à l'étranger ; Métropole de Lyon "
            "(appel à projets insertion) ; fondation d'entreprise locale."
        ),
        "partners_host_country": (
            "Mission locale de Vaulx-en-Velin (orientation des jeunes) ; club d'entreprises "
            "de l'Est lyonnais."
        ),
        "partners_morocco": (
            "Un centre de formation professionnelle de Casablanca, pour deux stages "
            "d'été en alternance."
        ),
        "context": [
            "Dans le quartier, près d'un jeune sur trois n'est ni en emploi ni en "
            "formation. Beaucoup n'ont aucun réseau professionnel et renoncent après "
            "quelques candidatures sans réponse.",
            "Des anciens du quartier devenus cadres voulaient aider, sans savoir comment s'y "
            "prendre ni combien de temps y consacrer.",
        ],
        "what_was_done": [
            "Chaque jeune a été mis en binôme avec un mentor pour neuf mois, avec une "
            "rencontre toutes les deux semaines et une charte signée des deux côtés. Les "
            "mentors ont suivi une demi-journée de formation à l'écoute et aux limites du "
            "rôle.",
            "Des ateliers collectifs mensuels ont porté sur le CV, la simulation d'entretien "
            "et les codes de l'entreprise ; la mission locale a orienté les jeunes et suivi "
            "leurs démarches administratives.",
        ],
        "results": [
            "Quarante-huit binômes ont été formés sur deux promotions ; 41 sont allés au "
            "bout des neuf mois. Plusieurs mentors ont recruté eux-mêmes ou ouvert leur "
            "réseau.",
        ],
        "indicators": [
            ("Jeunes en emploi, stage ou formation à la fin du mentorat", "0", "32 sur 48"),
            ("Binômes allés au bout des neuf mois", "—", "85 %"),
            ("Mentors prêts à recommencer", "—", "27 sur 30"),
        ],
        "success_factors": [
            "La charte et les rencontres fixes ont évité que les binômes s'essoufflent. "
            "L'orientation par la mission locale a permis d'accueillir des jeunes réellement "
            "éloignés de l'emploi, pas seulement les plus motivés.",
        ],
        "pitfalls": [
            "Ne pas associer un mentor et un jeune sans une première rencontre à trois avec "
            "l'association. Prévoir un relais quand un mentor déménage ou change de poste : "
            "quatre binômes se sont arrêtés pour cette raison.",
        ],
        "replication": [
            "Trente binômes par an suffisent pour commencer. Il faut un coordinateur à mi-"
            "temps, une charte, une formation courte des mentors et un partenaire public "
            "qui oriente les jeunes.",
        ],
        "contact": ("Nadia Berrada", "nadia.berrada@jeunesse-maroc-france.example.org"),
        "courses": ["young-people-and-precarious-situations"],
    },
    {
        "slug": "eau-potable-douars-zagora",
        "language": "fr",
        "title": "L'eau potable dans trois douars de la province de Zagora",
        "summary": (
            "Avec une association locale, des Marocains de Montpellier ont financé un puits "
            "solaire et un réseau de bornes-fontaines pour 1 200 habitants, dont la gestion "
            "a été confiée à un comité d'usagers formé pendant le projet."
        ),
        "association": "Trait d'Union Solidaire",
        "country": "fr",
        "regions": ["draa-tafilalet"],
        "groups": ["people-in-difficulty"],
        "axes": ["solidarity-development", "project-engineering"],
        "tags": ["développement solidaire", "partenariat local", "eau"],
        "period": (datetime.date(2019, 4, 1), datetime.date(2021, 10, 31)),
        "budget": ("96000", "EUR"),
        "funders": (
            "Ministère chargé des Marocains résidant à l'étranger ; Région Occitanie "
            "(coopération décentralisée) ; dons de la diaspora originaire de la vallée."
        ),
        "partners_host_country": "Eau Vive Occitanie (appui technique) ; mairie de Montpellier.",
        "partners_morocco": (
            "Association Tafilalt pour le Développement (partenaire local) ; commune rurale "
            "concernée ; services provinciaux de l'équipement."
        ),
        "context": [
            "Les femmes et les filles des trois douars consacraient jusqu'à trois heures par "
            "jour à la corvée d'eau, à un puits traditionnel asséché l'été. Plusieurs "
            "familles de la diaspora, installées à Montpellier, en sont originaires.",
            "Un premier puits financé par des dons en 2015 était tombé en panne faute "
            "d'entretien et de comité de gestion.",
        ],
        "what_was_done": [
            "Une étude hydrogéologique a précédé le forage ; la pompe fonctionne à "
            "l'énergie solaire et alimente un réservoir et six bornes-fontaines. Une "
            "convention a fixé le rôle de chaque partenaire, y compris la commune.",
            "Un comité d'usagers de neuf membres, dont quatre femmes, a été élu et formé à "
            "la tenue des comptes, à la fixation d'un tarif et à l'entretien de la pompe.",
        ],
        "results": [
            "L'eau arrive à moins de 200 mètres de chaque foyer. Le comité couvre "
            "l'entretien avec une petite redevance et a déjà remplacé un onduleur sans aide "
            "extérieure.",
        ],
        "indicators": [
            ("Temps quotidien consacré à la corvée d'eau par foyer", "2 h 40", "20 min"),
            ("Habitants desservis", "0", "1 200"),
            ("Mois de fonctionnement sans panne longue après la remise", "—", "36"),
        ],
        "success_factors": [
            "Le partenaire local était présent avant le projet et le reste après. Le comité "
            "d'usagers a été formé avant la mise en service, et la redevance fixée par les "
            "habitants eux-mêmes.",
        ],
        "pitfalls": [
            "Ne pas financer un équipement sans dire qui paiera son entretien. La pandémie "
            "a retardé le chantier de huit mois : prévoir une marge dans le calendrier et "
            "en informer les financeurs tôt.",
        ],
        "replication": [
            "Partir d'un partenaire local reconnu par la commune, financer l'étude avant "
            "l'équipement, et inscrire la formation du comité de gestion dans le budget "
            "(environ 8 % ici).",
        ],
        "contact": ("Rachid Tazi", "rachid.tazi@trait-union-solidaire.example.org"),
        "courses": ["solidarity-development-regions-of-origin", "project-engineering-foundations"],
    },
    {
        "slug": "passeurs-de-memoire-bruxelles",
        "language": "fr",
        "title": "Passeurs de mémoire : les jeunes recueillent les récits des anciens",
        "summary": (
            "Des lycéens bruxellois ont enregistré les récits de 30 Marocains arrivés en "
            "Belgique dans les années 1960 ; l'exposition et le podcast qui en sont nés ont "
            "circulé à Bruxelles puis à Tanger."
        ),
        "association": "Maison de la Culture Marocaine de Bruxelles",
        "country": "be",
        "groups": ["young-people", "elderly-persons"],
        "axes": ["cultural-link"],
        "tags": ["mémoire", "jeunes", "patrimoine"],
        "period": (datetime.date(2023, 2, 1), datetime.date(2024, 5, 31)),
        "budget": ("27800", "EUR"),
        "funders": (
            "Ministère chargé des Marocains résidant à l'étranger ; Fédération "
            "Wallonie-Bruxelles (éducation permanente) ; commune de Molenbeek-Saint-Jean."
        ),
        "partners_host_country": (
            "Deux athénées de Molenbeek et de Schaerbeek ; une radio associative bruxelloise."
        ),
        "partners_morocco": "Une galerie associative de Tanger qui a accueilli l'exposition.",
        "context": [
            "La première génération arrivée avec l'accord de main-d'œuvre de 1964 vieillit, "
            "et ses récits se perdent. Beaucoup de jeunes connaissent mal l'histoire de leur "
            "famille et du lien entre la Belgique et le Maroc.",
        ],
        "what_was_done": [
            "Vingt-quatre lycéens ont été formés à l'entretien et à la prise de son, puis "
            "ont rencontré les anciens chez eux ou à l'association, en darija, en tamazight "
            "ou en français, avec l'accord écrit de chacun.",
            "Les entretiens ont donné un podcast en huit épisodes et une exposition de "
            "photographies et d'objets prêtés par les familles, présentée à Bruxelles puis "
            "à Tanger.",
        ],
        "results": [
            "L'exposition a reçu près de 3 000 visiteurs. Plusieurs anciens ont parlé pour "
            "la première fois de leur arrivée à leurs petits-enfants ; deux écoles ont "
            "intégré le podcast à leur cours d'histoire.",
        ],
        "indicators": [
            ("Récits enregistrés et archivés", "0", "30"),
            ("Visiteurs de l'exposition (Bruxelles et Tanger)", "—", "2 900"),
            ("Écoutes du podcast la première année", "—", "6 400"),
        ],
        "success_factors": [
            "Les jeunes étaient les auteurs, pas le public : ils ont choisi les questions et "
            "monté les épisodes. Le consentement écrit et la relecture par les familles ont "
            "créé la confiance.",
        ],
        "pitfalls": [
            "Prévoir dès le départ où les enregistrements seront archivés et sous quelle "
            "licence. Les entretiens en tamazight demandaient un traducteur qui n'était pas "
            "budgété.",
        ],
        "replication": [
            "Une école partenaire, une quinzaine de jeunes, un preneur de son bénévole et un "
            "formulaire de consentement suffisent pour commencer ; l'exposition peut venir "
            "dans un second temps.",
        ],
        "contact": ("Omar Bennani", "omar.bennani@maison-culture-maroc.example.org"),
        "courses": ["cultural-projects-link-with-morocco"],
    },
    {
        "slug": "femmes-nouvelles-arrivantes-montreal",
        "language": "fr",
        "title": "Premier emploi qualifié pour des Marocaines nouvellement arrivées à Montréal",
        "summary": (
            "Un parcours de six mois, avec mentorat et reconnaissance des diplômes, a aidé "
            "des femmes diplômées arrivées du Maroc à trouver un emploi à la hauteur de "
            "leurs qualifications."
        ),
        "association": "Association Solidarité Canada-Maroc",
        "country": "ca",
        "groups": ["women"],
        "axes": ["women-conditions"],
        "tags": ["femmes", "emploi", "mentorat"],
        "period": (datetime.date(2023, 9, 1), datetime.date(2025, 3, 31)),
        "budget": ("84000", "CAD"),
        "funders": (
            "Ministère chargé des Marocains résidant à l'étranger ; ministère de "
            "l'Immigration, de la Francisation et de l'Intégration du Québec (programme "
            "d'appui aux organismes)."
        ),
        "partners_host_country": (
            "Un organisme d'aide à la recherche d'emploi de Montréal ; deux ordres "
            "professionnels pour la reconnaissance des diplômes."
        ),
        "partners_morocco": (
            "Une association de lauréates d'écoles d'ingénieurs à Rabat, pour les mentores."
        ),
        "context": [
            "Ingénieures, comptables ou infirmières, beaucoup de Marocaines arrivées au "
            "Québec occupent des emplois peu qualifiés faute de réseau et de "
            "reconnaissance de leurs diplômes. L'isolement et la garde des enfants "
            "retardent encore leur recherche.",
        ],
        "what_was_done": [
            "Trois cohortes de quinze femmes ont suivi un parcours de six mois : ateliers "
            "sur le marché du travail québécois, aide au dossier de reconnaissance des "
            "diplômes et mentorat par une professionnelle du même métier.",
            "Les séances avaient lieu en soirée, avec une halte-garderie sur place, et une "
            "partie en ligne pour celles qui habitaient loin.",
        ],
        "results": [
            "Sur 45 participantes, 29 occupaient à la fin du parcours un emploi dans leur "
            "domaine ou un domaine proche, et 12 avaient obtenu une équivalence ou un permis "
            "d'exercice.",
        ],
        "indicators": [
            ("Participantes en emploi qualifié à la fin du parcours", "4 sur 45", "29 sur 45"),
            ("Dossiers de reconnaissance des diplômes déposés", "3", "31"),
            ("Participantes ayant utilisé la halte-garderie", "—", "22"),
        ],
        "success_factors": [
            "La halte-garderie a rendu le parcours possible pour les mères. Les mentores du "
            "même métier donnaient des conseils concrets que les ateliers généraux ne "
            "pouvaient pas donner.",
        ],
        "pitfalls": [
            "Les délais de reconnaissance des diplômes dépassent souvent la durée du "
            "parcours : commencer le dossier dès la première semaine. Ne pas sous-estimer le "
            "coût de la garde d'enfants dans le budget.",
        ],
        "replication": [
            "S'appuyer sur un organisme d'emploi existant plutôt que de tout refaire, "
            "recruter les mentores par les réseaux de diplômées, et prévoir garde d'enfants "
            "et horaires du soir.",
        ],
        "contact": ("Meryem Lahlou", "meryem.lahlou@solidarite-canada-maroc.example.org"),
        "courses": ["women-living-abroad-gulf", "project-engineering-foundations"],
    },
    {
        "slug": "home-visits-elderly-rotterdam",
        "language": "en",
        "title": "Tea and paperwork: home visits to isolated elderly Moroccans in Rotterdam",
        "summary": (
            "Bilingual volunteers visit first-generation Moroccan elderly people at home "
            "every fortnight, help with letters from the pension fund and the municipality, "
            "and bring them back to the neighbourhood's activities."
        ),
        "association": "Stichting Brug Rotterdam",
        "country": "nl",
        "groups": ["elderly-persons"],
        "axes": ["youth-and-precarious"],
        "tags": ["elderly persons", "volunteering", "isolation"],
        "period": (datetime.date(2020, 10, 1), datetime.date(2023, 9, 30)),
        "budget": ("44600", "EUR"),
        "funders": (
            "Ministry in charge of Moroccans Living Abroad; Municipality of Rotterdam "
            "(welfare grant); a Rotterdam housing corporation."
        ),
        "partners_host_country": (
            "The district's welfare organisation; two general practitioners' surgeries that "
            "referred patients; the mosque of the district."
        ),
        "partners_morocco": (
            "None for the visits; a Moroccan pension advice service answered questions "
            "about rights in Morocco by video call."
        ),
        "context": [
            "Many men and women who came to Rotterdam as workers in the 1970s now live "
            "alone, speak little Dutch and cannot read official letters. During the "
            "pandemic several of them missed appointments, benefits and vaccinations.",
        ],
        "what_was_done": [
            "Thirty volunteers, most of them grandchildren's generation, were trained in "
            "home visits, privacy and when to call a professional. Each visited the same "
            "two or three people every fortnight.",
            "A weekly 'paperwork hour' at the association helped with letters, forms and "
            "appointments, and a monthly lunch brought the visited people together.",
        ],
        "results": [
            "Over three years, 96 elderly people were visited regularly. GPs report fewer "
            "missed appointments; several participants now come to the lunch on their own.",
        ],
        "indicators": [
            ("Elderly people visited at least twice a month", "0", "96"),
            ("Letters and forms handled at the paperwork hour", "—", "1,150"),
            ("Participants feeling lonely often (self-reported)", "64%", "31%"),
        ],
        "success_factors": [
            "Referrals by GPs and the mosque reached people nobody else reached. Keeping "
            "the same volunteer for each person built trust, which made the paperwork "
            "possible.",
        ],
        "pitfalls": [
            "Volunteers must not hold bank cards or passwords: write this in the charter "
            "from the first day. Plan for the end of a visit when a person moves to a care "
            "home or dies, and support the volunteer.",
        ],
        "replication": [
            "Start with ten volunteers and a welfare partner who can take over complex "
            "cases. A short training, a charter and a fortnightly check-in for volunteers "
            "cost little and prevent most problems.",
        ],
        "contact": ("Hassan Amrani", "hassan.amrani@stichting-brug.example.org"),
        "courses": ["young-people-and-precarious-situations"],
        # Translated in part: its story is still in English on the Arabic page.
        "translations": {
            "ar": (
                "شاي ووثائق: زيارات منزلية للمسنين المغاربة المعزولين في روتردام",
                "يزور متطوعون ثنائيو اللغة المسنين المغاربة من الجيل الأول في بيوتهم كل "
                "أسبوعين، ويساعدونهم في رسائل صندوق التقاعد والبلدية، ويعيدون ربطهم بأنشطة الحي.",
                ["المسنون", "التطوع", "العزلة"],
            ),
        },
    },
    {
        "slug": "homework-club-to-funded-project-dusseldorf",
        "language": "en",
        "title": "From a volunteer homework club to a funded project, in Düsseldorf",
        "summary": (
            "A volunteer board learned to write a logical framework, a budget and a "
            "monitoring plan; its first structured application was funded for three years "
            "and now pays a part-time coordinator."
        ),
        "association": "Deutsch-Marokkanischer Bildungsverein",
        "country": "de",
        "groups": ["children", "young-people"],
        "axes": ["project-engineering", "school-support"],
        "tags": ["project engineering", "funding", "volunteering"],
        "period": (datetime.date(2022, 3, 1), datetime.date(2025, 2, 28)),
        "budget": ("61200", "EUR"),
        "funders": (
            "Ministry in charge of Moroccans Living Abroad (partnership programme); State "
            "of North Rhine-Westphalia integration fund; City of Düsseldorf."
        ),
        "partners_host_country": (
            "Two primary schools in Oberbilk; the city's integration centre, which reviewed "
            "the application drafts."
        ),
        "partners_morocco": (
            "A teacher-training centre in Nador that shared its Arabic reading materials."
        ),
        "context": [
            "The association had run a Saturday homework club on volunteers' goodwill for "
            "ten years. Its grant applications were refused because they described good "
            "intentions rather than objectives, activities, indicators and a budget.",
        ],
        "what_was_done": [
            "Four board members followed the programme's project-engineering modules and "
            "a two-day workshop, then rewrote the project with a logical framework, a "
            "costed budget and a simple monitoring plan.",
            "The club was reorganised into weekly sessions by age group, with attendance "
            "and reading levels recorded each term so that the reports to funders wrote "
            "themselves.",
        ],
        "results": [
            "The application was funded for three years. The association now reports on "
            "time, employs a part-time coordinator and has started a second site.",
        ],
        "indicators": [
            ("Grant applications accepted", "0 of 5 (2017–2021)", "3 of 3 (2022–2024)"),
            ("Pupils attending at least 75% of sessions", "unknown", "68"),
            ("Reports submitted to funders on time", "—", "6 of 6"),
        ],
        "success_factors": [
            "Training the board together, not one member alone, kept the skills in the "
            "association. Asking the city's integration centre to review drafts caught the "
            "gaps a funder would have seen.",
        ],
        "pitfalls": [
            "Do not invent indicators you cannot measure: the first draft promised school "
            "grades the association had no way to collect. Budget the coordinator's time "
            "for reporting, not only for teaching.",
        ],
        "replication": [
            "Pick one existing activity, describe it with a logical framework and a budget, "
            "and collect two or three indicators from the first term. The modules on "
            "project engineering and on monitoring cover each step.",
        ],
        "contact": ("Samira Kettani", "samira.kettani@dmbv-duesseldorf.example.org"),
        "courses": [
            "project-engineering-foundations",
            "monitoring-evaluation-reporting",
            "school-support-children-abroad",
        ],
    },
    {
        "slug": "maktab-irshad-qanouni-torino",
        "language": "ar",
        "title": "مكتب للإرشاد القانوني والاجتماعي لفائدة النساء المغربيات في تورينو",
        "summary": (
            "مكتب استقبال أسبوعي بالعربية والدارجة والإيطالية يرافق النساء في قضايا الإقامة "
            "والأسرة والعمل، ويوجههن نحو المصالح المختصة، مع ورشات جماعية للتعريف بالحقوق."
        ),
        "association": "Associazione Donne del Maghreb",
        "country": "it",
        "groups": ["women"],
        "axes": ["women-conditions"],
        "tags": ["النساء", "الإرشاد القانوني", "الإدماج"],
        "period": (datetime.date(2021, 3, 8), datetime.date(2024, 3, 8)),
        "budget": ("33400", "EUR"),
        "funders": "الوزارة المكلفة بالمغاربة المقيمين بالخارج؛ جهة بييمونتي؛ مؤسسة بنكية محلية.",
        "partners_host_country": (
            "نقابة المحامين بتورينو (محاميات متطوعات)؛ مراكز الاستشارة الأسرية التابعة للبلدية."
        ),
        "partners_morocco": (
            "القنصلية العامة للمملكة المغربية بتورينو؛ جمعية نسائية بمدينة خريبكة."
        ),
        "context": [
            "كثير من النساء المغربيات في تورينو يجهلن حقوقهن في الإقامة والعمل وقانون الأسرة "
            "في إيطاليا وفي المغرب، ويعتمدن على الزوج أو الأقارب في كل الإجراءات. "
            "وتتفاقم هشاشتهن عند الطلاق أو فقدان العمل.",
        ],
        "what_was_done": [
            "فتحت الجمعية مكتب استقبال كل يوم سبت، تؤطره وسيطة اجتماعية ومحاميات متطوعات، "
            "مع احترام تام لسرية المعطيات.",
            "ونظمت ورشات شهرية حول تجديد بطاقة الإقامة، وحقوق العاملات في المنازل، "
            "ومدونة الأسرة المغربية، كما أعدت دليلا مبسطا باللغتين.",
        ],
        "results": [
            "استقبل المكتب خلال ثلاث سنوات أكثر من ثلاثمائة امرأة، وتمت تسوية أغلب ملفات "
            "الإقامة المتعثرة. وأصبحت عدة مستفيدات بدورهن متطوعات في الجمعية.",
        ],
        "indicators": [
            ("عدد النساء المستقبلات في المكتب", "0", "312"),
            ("ملفات الإقامة المسواة", "—", "87 من 104"),
            ("المشاركات في الورشات الجماعية", "—", "540"),
        ],
        "success_factors": [
            "الاستقبال بلغة المرأة نفسها وفي يوم عطلتها، وشراكة مكتوبة مع نقابة المحامين "
            "ضمنت جودة الاستشارة ومجانيتها.",
        ],
        "pitfalls": [
            "لا ينبغي أن تقدم المتطوعات استشارة قانونية خارج اختصاصهن؛ يجب التوجيه نحو "
            "المحامية. كما يجب توقع حالات العنف ووضع مسطرة واضحة للتوجيه نحو مراكز الإيواء.",
        ],
        "replication": [
            "يكفي للبداية مكان استقبال هادئ، ووسيطة مكونة، وشراكة مع محاميات متطوعات، "
            "وسجل يحفظ سرية المعطيات. ويمكن إضافة الورشات الجماعية بعد الأشهر الأولى.",
        ],
        "contact": ("خديجة العلوي", "khadija.alaoui@donne-maghreb.example.org"),
        "courses": ["women-living-abroad-gulf"],
        "translations": {
            "fr": (
                "Une permanence juridique et sociale pour les Marocaines de Turin",
                "Une permanence hebdomadaire en arabe, en darija et en italien accompagne les "
                "femmes dans leurs démarches de séjour, de famille et de travail, les oriente "
                "vers les services compétents et anime des ateliers sur leurs droits.",
                ["femmes", "droits", "intégration"],
            ),
        },
    },
    {
        "slug": "qafila-tibbiya-taroudant",
        "language": "ar",
        "title": "قافلة طبية تضامنية ومستوصف قروي في إقليم تارودانت",
        "summary": (
            "جمع مغاربة دبي التبرعات ونظموا مع جمعية محلية قوافل طبية سنوية، ثم جهزوا "
            "مستوصفا قرويا يسيره المركز الصحي الجماعي، لفائدة دواوير جبلية معزولة."
        ),
        "association": "Jamiyat Al Amal Dubai",
        "country": "ae",
        "regions": ["souss-massa"],
        "groups": ["people-in-difficulty", "elderly-persons"],
        "axes": ["solidarity-development", "project-engineering"],
        "tags": ["التنمية التضامنية", "الصحة", "الشراكة المحلية"],
        "period": (datetime.date(2019, 11, 1), datetime.date(2022, 12, 31)),
        "budget": ("71500", "EUR"),
        "funders": (
            "الوزارة المكلفة بالمغاربة المقيمين بالخارج؛ تبرعات أفراد الجالية المغربية "
            "بالإمارات؛ مقاولة مغربية بدبي."
        ),
        "partners_host_country": (
            "القنصلية العامة للمملكة المغربية بدبي؛ نادي رجال الأعمال المغاربة."
        ),
        "partners_morocco": (
            "جمعية تنموية محلية بالإقليم؛ المندوبية الإقليمية للصحة؛ الجماعة القروية المعنية."
        ),
        "context": [
            "تبعد الدواوير الجبلية المعنية أكثر من أربعين كيلومترا عن أقرب مركز صحي، "
            "ويصعب التنقل في فصل الشتاء. ويعاني المسنون والنساء الحوامل من غياب المتابعة "
            "الطبية المنتظمة.",
        ],
        "what_was_done": [
            "نظمت الجمعية مع شريكها المحلي ثلاث قوافل طبية بمشاركة أطباء متطوعين من المغرب "
            "والإمارات، في التخصصات العامة وطب العيون وصحة الأم والطفل.",
            "ثم جهزت مستوصفا قرويا بعد توقيع اتفاقية مع المندوبية الإقليمية للصحة تضمن "
            "تعيين ممرض وصيانة التجهيزات.",
        ],
        "results": [
            "استفاد أكثر من ألفي شخص من الفحوصات، وأجريت عمليات لإزالة الماء الأبيض لعشرات "
            "المسنين. ويستقبل المستوصف اليوم المرضى خمسة أيام في الأسبوع.",
        ],
        "indicators": [
            ("عدد المستفيدين من الفحوصات", "0", "2 140"),
            ("عمليات إزالة الماء الأبيض", "0", "76"),
            ("أيام عمل المستوصف في الأسبوع", "0", "5"),
        ],
        "success_factors": [
            "الاتفاقية مع المندوبية الإقليمية للصحة قبل التجهيز ضمنت استمرار الخدمة بعد "
            "انتهاء المشروع، والشريك المحلي تكفل بالتواصل مع السكان.",
        ],
        "pitfalls": [
            "لا ينبغي تجهيز بناية صحية دون التزام مكتوب بتعيين الطاقم. وقد أدت جائحة "
            "كوفيد-19 إلى تأجيل قافلة كاملة، لذا يجب إخبار المانحين مبكرا بأي تأخير.",
        ],
        "replication": [
            "البدء بقافلة واحدة مع شريك محلي معروف لدى السلطات الصحية، ثم الانتقال إلى "
            "تجهيز دائم بعد الاتفاق على من يسير ومن يصون. وتساعد وحدات هندسة المشاريع "
            "على إعداد الميزانية والتقارير.",
        ],
        "contact": ("عبد الإله المنصوري", "abdelilah.mansouri@jamiyat-alamal.example.org"),
        "courses": ["solidarity-development-regions-of-origin", "project-engineering-foundations"],
    },
]
