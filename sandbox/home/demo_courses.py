"""Demo training modules for the sandbox, in English, French and Arabic.

Data only: two project engineering modules first (the second requires the first), then one
module per strategic axis of the ministry's yearly partnership programme with associations of
Moroccans living abroad. Every human text is a dict keyed by language code ("en", "fr", "ar").
The French and Arabic texts use the programme's vocabulary and are to be reviewed by a native
speaker before release.
"""

DEMO_COURSES = [
    {
        "slug": "project-engineering-foundations",
        "axis": "project-engineering",
        "groups": [],
        "countries": [],
        "level": "beginner",
        "format": "online",
        "hours": 6,
        "certificate": True,
        "prerequisites": [],
        "tags": ["needs analysis", "logical framework", "budget", "call for projects"],
        "title": {
            "en": "Project engineering: from idea to funded project",
            "fr": "Ingénierie de projet : de l'idée au projet financé",
            "ar": "هندسة المشاريع: من الفكرة إلى المشروع الممول",
        },
        "summary": {
            "en": (
                "The essential steps that turn an idea into a project the ministry can fund: "
                "needs analysis, logical framework, budget and a complete application to the "
                "yearly partnership call."
            ),
            "fr": (
                "Les étapes essentielles pour transformer une idée en projet finançable par le "
                "ministère : analyse des besoins, cadre logique, budget et dossier complet pour "
                "l'appel à projets annuel."
            ),
            "ar": (
                "الخطوات الأساسية لتحويل فكرة إلى مشروع يمكن أن تموله الوزارة: تحليل الاحتياجات، "
                "والإطار المنطقي، والميزانية، وملف ترشيح كامل لطلب المشاريع السنوي."
            ),
        },
        "objectives": {
            "en": [
                (
                    "Analyse the needs of the people your association serves and state the "
                    "problem precisely."
                ),
                (
                    "Build a logical framework with objectives, results, activities, indicators "
                    "and assumptions."
                ),
                (
                    "Prepare a consistent budget and a complete application to the ministry's "
                    "yearly partnership call."
                ),
            ],
            "fr": [
                (
                    "Analyser les besoins des personnes que votre association accompagne et "
                    "formuler précisément le problème."
                ),
                (
                    "Construire un cadre logique avec objectifs, résultats, activités, "
                    "indicateurs et hypothèses."
                ),
                (
                    "Préparer un budget cohérent et un dossier complet pour l'appel à projets "
                    "annuel du ministère."
                ),
            ],
            "ar": [
                "تحليل احتياجات الفئات التي تخدمها جمعيتكم وصياغة المشكلة بدقة.",
                "بناء إطار منطقي يتضمن الأهداف والنتائج والأنشطة والمؤشرات والافتراضات.",
                "إعداد ميزانية منسجمة وملف ترشيح كامل لطلب المشاريع السنوي الذي تعلنه الوزارة.",
            ],
        },
        "lessons": [
            {
                "slug": "from-idea-to-project",
                "title": {
                    "en": "From an idea to a project: analysing needs",
                    "fr": "De l'idée au projet : analyser les besoins",
                    "ar": "من الفكرة إلى المشروع: تحليل الاحتياجات",
                },
                "minutes": 20,
                "preview": True,
                "body": {
                    "en": [
                        (
                            "A fundable project starts from a problem observed among the people "
                            "your association serves, not from an activity you would like to "
                            "organise. For example, the volunteers of an association in Lyon "
                            "notice that many Moroccan pupils in the neighbourhood repeat a year "
                            "in primary school. Before proposing homework help, the association "
                            "has to understand how many children are concerned, why they struggle "
                            "and what already exists around them."
                        ),
                        (
                            "Collect facts from several sources: short interviews with parents, a "
                            "meeting with the school's head teacher, the town hall's social "
                            "services and, when they exist, local statistics. Note who is "
                            "affected, where, how many people and what causes the problem. Ten "
                            "well-prepared interviews are worth more than a long questionnaire "
                            "that nobody returns."
                        ),
                        (
                            "Summarise the analysis in a problem statement of a few lines and "
                            "check it with the people concerned. This statement becomes the "
                            "starting point of your logical framework and the first section of "
                            "your application to the ministry's partnership call."
                        ),
                    ],
                    "fr": [
                        (
                            "Un projet finançable part d'un problème constaté chez les personnes "
                            "que votre association accompagne, et non d'une activité que l'on "
                            "aimerait organiser. Par exemple, les bénévoles d'une association de "
                            "Lyon remarquent que beaucoup d'élèves marocains du quartier "
                            "redoublent en primaire. Avant de proposer une aide aux devoirs, "
                            "l'association doit comprendre combien d'enfants sont concernés, "
                            "pourquoi ils sont en difficulté et ce qui existe déjà autour d'eux."
                        ),
                        (
                            "Recueillez des faits auprès de plusieurs sources : de courts "
                            "entretiens avec les parents, une rencontre avec la direction de "
                            "l'école, les services sociaux de la mairie et, lorsqu'elles "
                            "existent, les statistiques locales. Notez qui est touché, où, "
                            "combien de personnes et quelles sont les causes du problème. Dix "
                            "entretiens bien préparés valent mieux qu'un long questionnaire que "
                            "personne ne renvoie."
                        ),
                        (
                            "Résumez l'analyse dans un énoncé du problème de quelques lignes et "
                            "vérifiez-le avec les personnes concernées. Cet énoncé devient le "
                            "point de départ de votre cadre logique et la première partie de "
                            "votre dossier pour l'appel à projets du ministère."
                        ),
                    ],
                    "ar": [
                        (
                            "ينطلق المشروع القابل للتمويل من مشكلة ملموسة لدى الفئات التي تخدمها "
                            "جمعيتكم، لا من نشاط ترغبون في تنظيمه. فعلى سبيل المثال، يلاحظ متطوعو "
                            "جمعية في مدينة ليون أن عددا كبيرا من التلاميذ المغاربة في الحي "
                            "يكررون السنة في المرحلة الابتدائية. وقبل اقتراح حصص للمساعدة في "
                            "إنجاز الواجبات المدرسية، ينبغي للجمعية أن تعرف عدد الأطفال المعنيين "
                            "وأسباب تعثرهم وما هو متوفر حولهم من خدمات."
                        ),
                        (
                            "اجمعوا المعطيات من مصادر متعددة: مقابلات قصيرة مع الآباء، ولقاء مع "
                            "إدارة المدرسة، والمصالح الاجتماعية للبلدية، والإحصاءات المحلية إن "
                            "وجدت. وسجلوا من هم المتضررون، وأين يوجدون، وكم عددهم، وما أسباب "
                            "المشكلة. فعشر مقابلات محضرة جيدا أنفع من استبيان طويل لا يعيده أحد."
                        ),
                        (
                            "لخصوا هذا التحليل في بيان للمشكلة من بضعة أسطر، وتحققوا منه مع "
                            "الأشخاص المعنيين. ويصبح هذا البيان نقطة انطلاق الإطار المنطقي والجزء "
                            "الأول من ملف ترشيحكم لطلب المشاريع الذي تعلنه الوزارة."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Write the problem in one sentence, with a figure, before you list any "
                        "activity."
                    ),
                    "fr": (
                        "Écrivez le problème en une phrase, avec un chiffre, avant de lister la "
                        "moindre activité."
                    ),
                    "ar": "اكتبوا المشكلة في جملة واحدة تتضمن رقما قبل أن تدرجوا أي نشاط.",
                },
            },
            {
                "slug": "logical-framework",
                "title": {
                    "en": "Building the logical framework",
                    "fr": "Construire le cadre logique",
                    "ar": "بناء الإطار المنطقي",
                },
                "minutes": 30,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "The logical framework links, in one table, what your project wants "
                            "to change and how you will get there. From top to bottom: the "
                            "general objective (the long-term change to which the project "
                            "contributes), the specific objective (the change the project itself "
                            "must achieve), the expected results, and the activities that produce "
                            "them."
                        ),
                        (
                            "For the school support example, the specific objective could be: 'By "
                            "June, 40 pupils aged 8 to 12 in the neighbourhood improve their "
                            "marks in French and mathematics.' Each result receives at least one "
                            "indicator, a target value and a source of verification, such as "
                            "attendance sheets or school reports."
                        ),
                        (
                            "The last column lists the assumptions: the conditions outside your "
                            "control that must hold, such as the town hall lending a room every "
                            "Wednesday. If an assumption is very risky, change the design of the "
                            "project rather than hoping for the best."
                        ),
                    ],
                    "fr": [
                        (
                            "Le cadre logique relie, dans un seul tableau, ce que votre projet "
                            "veut changer et la manière d'y parvenir. De haut en bas : l'objectif "
                            "général (le changement à long terme auquel le projet contribue), "
                            "l'objectif spécifique (le changement que le projet doit lui-même "
                            "obtenir), les résultats attendus et les activités qui les "
                            "produisent."
                        ),
                        (
                            "Pour l'exemple du soutien scolaire, l'objectif spécifique pourrait "
                            "être : « D'ici juin, 40 élèves de 8 à 12 ans du quartier améliorent "
                            "leurs notes en français et en mathématiques. » Chaque résultat "
                            "reçoit au moins un indicateur, une valeur cible et une source de "
                            "vérification, comme les feuilles de présence ou les bulletins "
                            "scolaires."
                        ),
                        (
                            "La dernière colonne présente les hypothèses : les conditions "
                            "extérieures à votre contrôle qui doivent être réunies, par exemple "
                            "la mairie qui prête une salle chaque mercredi. Si une hypothèse est "
                            "très risquée, modifiez la conception du projet plutôt que d'espérer "
                            "que tout se passe bien."
                        ),
                    ],
                    "ar": [
                        (
                            "يربط الإطار المنطقي، في جدول واحد، بين ما يسعى مشروعكم إلى تغييره "
                            "والطريقة التي ستبلغون بها ذلك. ومن الأعلى إلى الأسفل نجد: الهدف "
                            "العام (التغيير البعيد المدى الذي يساهم فيه المشروع)، والهدف الخاص "
                            "(التغيير الذي يجب أن يحققه المشروع نفسه)، والنتائج المنتظرة، "
                            "والأنشطة التي تؤدي إليها."
                        ),
                        (
                            "في مثال الدعم المدرسي، يمكن أن يكون الهدف الخاص: «في أفق شهر يونيو، "
                            "يحسن 40 تلميذا تتراوح أعمارهم بين 8 و12 سنة في الحي نتائجهم في اللغة "
                            "الفرنسية والرياضيات». ولكل نتيجة مؤشر واحد على الأقل، وقيمة مستهدفة، "
                            "ومصدر للتحقق مثل أوراق الحضور أو كشوف النقاط المدرسية."
                        ),
                        (
                            "ويضم العمود الأخير الافتراضات، أي الشروط الخارجة عن سيطرتكم والتي "
                            "يجب أن تتحقق، كأن تعير البلدية قاعة كل يوم أربعاء. وإذا كان أحد "
                            "الافتراضات محفوفا بمخاطر كبيرة، فعدلوا تصميم المشروع بدل الاكتفاء "
                            "بالأمل في أن تسير الأمور على ما يرام."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Read your framework from bottom to top: if these activities are carried "
                        "out, will these results really be obtained?"
                    ),
                    "fr": (
                        "Lisez votre cadre de bas en haut : si ces activités sont réalisées, ces "
                        "résultats seront-ils vraiment obtenus ?"
                    ),
                    "ar": (
                        "اقرؤوا إطاركم المنطقي من الأسفل إلى الأعلى: إذا أنجزت هذه الأنشطة، فهل "
                        "ستتحقق هذه النتائج فعلا؟"
                    ),
                },
                "quiz": {
                    "title": {
                        "en": "Check: the logical framework",
                        "fr": "Vérification : le cadre logique",
                        "ar": "اختبار: الإطار المنطقي",
                    },
                    "pass_mark": 70,
                    "max_attempts": 3,
                    "questions": [
                        {
                            "text": {
                                "en": (
                                    "Which of these statements is a specific objective rather "
                                    "than an activity?"
                                ),
                                "fr": (
                                    "Lequel de ces énoncés est un objectif spécifique et non une "
                                    "activité ?"
                                ),
                                "ar": "أي من هذه العبارات هدف خاص وليس نشاطا؟",
                            },
                            "multiple": False,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "By June, 40 pupils aged 8 to 12 improve their marks "
                                            "in French and mathematics."
                                        ),
                                        "fr": (
                                            "D'ici juin, 40 élèves de 8 à 12 ans améliorent leurs "
                                            "notes en français et en mathématiques."
                                        ),
                                        "ar": (
                                            "في أفق شهر يونيو، يحسن 40 تلميذا تتراوح أعمارهم بين "
                                            "8 و12 سنة نتائجهم في الفرنسية والرياضيات."
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: it describes a change for the pupils that "
                                            "is measurable and dated."
                                        ),
                                        "fr": (
                                            "Exact : il décrit un changement pour les élèves, "
                                            "mesurable et daté."
                                        ),
                                        "ar": (
                                            "صحيح: فهي تصف تغييرا لدى التلاميذ، قابلا للقياس "
                                            "ومحددا في الزمن."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": "Organise homework help twice a week.",
                                        "fr": (
                                            "Organiser une aide aux devoirs deux fois par semaine."
                                        ),
                                        "ar": (
                                            "تنظيم حصص للمساعدة في الواجبات المدرسية مرتين في "
                                            "الأسبوع."
                                        ),
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "This is an activity: it says what the association "
                                            "does, not what changes for the pupils."
                                        ),
                                        "fr": (
                                            "C'est une activité : elle dit ce que fait "
                                            "l'association, pas ce qui change pour les élèves."
                                        ),
                                        "ar": (
                                            "هذا نشاط: يبين ما تقوم به الجمعية، لا ما يتغير لدى "
                                            "التلاميذ."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": "Buy ten laptops for the association.",
                                        "fr": (
                                            "Acheter dix ordinateurs portables pour l'association."
                                        ),
                                        "ar": "شراء عشرة حواسيب محمولة للجمعية.",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "This is a purchase that serves the activities; it is "
                                            "not an objective."
                                        ),
                                        "fr": (
                                            "C'est un achat au service des activités, pas un "
                                            "objectif."
                                        ),
                                        "ar": "هذه عملية اقتناء تخدم الأنشطة، وليست هدفا.",
                                    },
                                },
                            ],
                        },
                        {
                            "text": {
                                "en": (
                                    "Which of these indicators are well formulated? (several "
                                    "answers)"
                                ),
                                "fr": (
                                    "Lesquels de ces indicateurs sont bien formulés ? (plusieurs "
                                    "réponses)"
                                ),
                                "ar": "أي من هذه المؤشرات صيغت صياغة جيدة؟ (عدة أجوبة)",
                            },
                            "multiple": True,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "Share of enrolled pupils who attend at least 80% of "
                                            "the sessions"
                                        ),
                                        "fr": (
                                            "Part des élèves inscrits présents à au moins 80 % "
                                            "des séances"
                                        ),
                                        "ar": (
                                            "نسبة التلاميذ المسجلين الذين يحضرون 80% على الأقل من "
                                            "الحصص"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: it can be measured with the attendance "
                                            "sheets."
                                        ),
                                        "fr": (
                                            "Exact : il se mesure avec les feuilles de présence."
                                        ),
                                        "ar": "صحيح: يمكن قياسه بواسطة أوراق الحضور.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "Number of pupils whose average mark rises by at "
                                            "least one point between the first and the third term"
                                        ),
                                        "fr": (
                                            "Nombre d'élèves dont la moyenne augmente d'au moins "
                                            "un point entre le premier et le troisième trimestre"
                                        ),
                                        "ar": (
                                            "عدد التلاميذ الذين يرتفع معدلهم بنقطة واحدة على "
                                            "الأقل بين الفصل الأول والفصل الثالث"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: it is precise and can be checked against "
                                            "school reports."
                                        ),
                                        "fr": (
                                            "Exact : il est précis et vérifiable sur les "
                                            "bulletins scolaires."
                                        ),
                                        "ar": "صحيح: فهو دقيق ويمكن التحقق منه في كشوف النقاط.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": "The children are happier",
                                        "fr": "Les enfants sont plus heureux",
                                        "ar": "الأطفال أكثر سعادة",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "Too vague: nothing says how or when it would be "
                                            "measured."
                                        ),
                                        "fr": (
                                            "Trop vague : rien n'indique comment ni quand le "
                                            "mesurer."
                                        ),
                                        "ar": "صيغة فضفاضة: لا شيء يبين كيف أو متى سيتم قياسها.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": "The association works hard",
                                        "fr": "L'association travaille beaucoup",
                                        "ar": "الجمعية تعمل بجد",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "This describes the association's effort, not a "
                                            "measurable result."
                                        ),
                                        "fr": (
                                            "Cela décrit l'effort de l'association, pas un "
                                            "résultat mesurable."
                                        ),
                                        "ar": (
                                            "هذه العبارة تصف مجهود الجمعية، لا نتيجة قابلة للقياس."
                                        ),
                                    },
                                },
                            ],
                        },
                    ],
                },
            },
            {
                "slug": "project-budget",
                "title": {
                    "en": "Preparing a realistic budget",
                    "fr": "Préparer un budget réaliste",
                    "ar": "إعداد ميزانية واقعية",
                },
                "minutes": 25,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "Build the budget from the activities, line by line: for each one, "
                            "multiply a unit cost by a quantity, for example 30 sessions × 2 "
                            "hours × the hourly rate of a tutor. Group the lines into the usual "
                            "categories: staff, activities, equipment, travel, communication and "
                            "running costs. Every line must correspond to an activity of the "
                            "logical framework, and every activity must appear in the budget."
                        ),
                        (
                            "Show all sources of funding: the amount requested from the ministry, "
                            "the contributions of partners in the host country (town hall, "
                            "region, foundation) and in Morocco, and the association's own "
                            "contribution, including membership fees and valued volunteer time. "
                            "Funders look closely at co-funding, because it proves that the "
                            "project is rooted locally and can continue."
                        ),
                        (
                            "State the currency and the exchange rate used, and round amounts "
                            "sensibly. A budget that is too low worries an eligibility committee "
                            "as much as an inflated one, because it suggests that the activities "
                            "have not been costed."
                        ),
                    ],
                    "fr": [
                        (
                            "Construisez le budget à partir des activités, ligne par ligne : pour "
                            "chacune, multipliez un coût unitaire par une quantité, par exemple "
                            "30 séances × 2 heures × le tarif horaire d'un intervenant. Regroupez "
                            "les lignes par catégories habituelles : personnel, activités, "
                            "équipement, déplacements, communication et frais de fonctionnement. "
                            "Chaque ligne doit correspondre à une activité du cadre logique, et "
                            "chaque activité doit figurer au budget."
                        ),
                        (
                            "Faites apparaître toutes les sources de financement : le montant "
                            "demandé au ministère, les apports des partenaires dans le pays "
                            "d'accueil (mairie, région, fondation) et au Maroc, et l'apport "
                            "propre de l'association, y compris les cotisations et le bénévolat "
                            "valorisé. Les bailleurs regardent de près le cofinancement, car il "
                            "prouve que le projet est ancré localement et qu'il peut durer."
                        ),
                        (
                            "Indiquez la devise et le taux de change utilisé, et arrondissez les "
                            "montants raisonnablement. Un budget trop bas inquiète autant un "
                            "comité d'éligibilité qu'un budget gonflé, car il laisse penser que "
                            "les activités n'ont pas été chiffrées."
                        ),
                    ],
                    "ar": [
                        (
                            "ابنوا الميزانية انطلاقا من الأنشطة، بندا بندا: احسبوا لكل نشاط حاصل "
                            "ضرب الكلفة الوحدوية في الكمية، مثلا 30 حصة × ساعتان × الأجر عن "
                            "الساعة للمؤطر. ثم صنفوا البنود وفق الفئات المعتادة: الموارد البشرية، "
                            "والأنشطة، والتجهيزات، والتنقل، والتواصل، ومصاريف التسيير. ويجب أن "
                            "يقابل كل بند نشاطا في الإطار المنطقي، وأن يظهر كل نشاط في الميزانية."
                        ),
                        (
                            "بينوا جميع مصادر التمويل: المبلغ المطلوب من الوزارة، ومساهمات "
                            "الشركاء في بلد الإقامة (البلدية أو الجهة أو مؤسسة مانحة) وفي المغرب، "
                            "والمساهمة الذاتية للجمعية بما فيها واجبات الانخراط وقيمة العمل "
                            "التطوعي. ويولي الممولون اهتماما كبيرا للتمويل المشترك، لأنه دليل على "
                            "تجذر المشروع محليا وعلى قدرته على الاستمرار."
                        ),
                        (
                            "حددوا العملة وسعر الصرف المعتمد، وقربوا المبالغ بشكل معقول. "
                            "فالميزانية المنخفضة جدا تثير قلق لجنة الأهلية بقدر ما تثيره "
                            "الميزانية المضخمة، لأنها توحي بأن كلفة الأنشطة لم تحتسب بدقة."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Ask each partner for a signed letter that states its contribution in "
                        "cash or in kind."
                    ),
                    "fr": (
                        "Demandez à chaque partenaire une lettre signée précisant son apport en "
                        "numéraire ou en nature."
                    ),
                    "ar": "اطلبوا من كل شريك رسالة موقعة تحدد مساهمته النقدية أو العينية.",
                },
            },
            {
                "slug": "partnership-call-application",
                "title": {
                    "en": "Applying to the ministry's partnership call",
                    "fr": "Répondre à l'appel à projets du ministère",
                    "ar": "الترشح لطلب المشاريع الذي تعلنه الوزارة",
                },
                "minutes": 25,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "Each year, the ministry in charge of Moroccans living abroad "
                            "announces a partnership programme with MLA associations. It supports "
                            "projects that fall within its strategic axes: school support for "
                            "Moroccan children in difficult situations, support for young people "
                            "and persons in precarious situations such as elderly persons and "
                            "detainees, cultural projects strengthening the link with Morocco, "
                            "and improving the conditions of women living abroad."
                        ),
                        (
                            "Applications are examined by an eligibility committee set up within "
                            "the ministry under the Prime Minister's circular No. 7/2003 of 27 "
                            "June 2003 on partnership between the State and associations. It "
                            "brings together representatives of several departments and "
                            "institutions concerned with the Moroccan community abroad, and it "
                            "looks at the relevance of the project to an axis, its feasibility, "
                            "its budget and the association's track record."
                        ),
                        (
                            "Read the call text carefully, because the list of documents and the "
                            "deadline can change from one year to the next. Files usually include "
                            "the association's statutes and proof of its legal registration in "
                            "the host country, the list of board members, the latest activity and "
                            "financial reports, the project form with its logical framework and "
                            "budget, and the partners' commitment letters. Submit a complete file "
                            "before the deadline and keep a copy of everything you send."
                        ),
                    ],
                    "fr": [
                        (
                            "Chaque année, le ministère chargé des Marocains résidant à "
                            "l'étranger lance un programme de partenariat avec les associations "
                            "de MRE. Il soutient les projets qui s'inscrivent dans ses axes "
                            "stratégiques : le soutien scolaire aux enfants marocains en "
                            "situation difficile, l'accompagnement des jeunes et des personnes en "
                            "situation de précarité comme les personnes âgées et les détenus, les "
                            "projets culturels qui renforcent le lien avec le Maroc et "
                            "l'amélioration des conditions des femmes vivant à l'étranger."
                        ),
                        (
                            "Les dossiers sont examinés par un comité d'éligibilité créé au sein "
                            "du ministère en application de la circulaire du Premier ministre n° "
                            "7/2003 du 27 juin 2003 relative au partenariat entre l'État et les "
                            "associations. Il réunit des représentants de plusieurs départements "
                            "et institutions concernés par la communauté marocaine à l'étranger, "
                            "et il apprécie la pertinence du projet au regard d'un axe, sa "
                            "faisabilité, son budget et l'expérience de l'association."
                        ),
                        (
                            "Lisez attentivement le texte de l'appel, car la liste des pièces et "
                            "la date limite peuvent changer d'une année à l'autre. Le dossier "
                            "comprend généralement les statuts de l'association et la preuve de "
                            "son enregistrement légal dans le pays d'accueil, la liste des "
                            "membres du bureau, les derniers rapports d'activité et financiers, "
                            "la fiche projet avec son cadre logique et son budget, ainsi que les "
                            "lettres d'engagement des partenaires. Déposez un dossier complet "
                            "avant la date limite et gardez une copie de tout ce que vous "
                            "envoyez."
                        ),
                    ],
                    "ar": [
                        (
                            "تعلن الوزارة المكلفة بالمغاربة المقيمين بالخارج كل سنة عن برنامج "
                            "للشراكة مع جمعيات مغاربة العالم. ويدعم هذا البرنامج المشاريع "
                            "المندرجة في محاوره الاستراتيجية: الدعم المدرسي لفائدة الأطفال "
                            "المغاربة في وضعية صعبة، ومواكبة الشباب والأشخاص في وضعية هشة "
                            "كالمسنين والسجناء، والمشاريع الثقافية الرامية إلى تعزيز الارتباط "
                            "بالمغرب، وتحسين أوضاع النساء المقيمات بالخارج."
                        ),
                        (
                            "تدرس ملفات الترشيح لجنة الأهلية المحدثة داخل الوزارة تطبيقا لمنشور "
                            "الوزير الأول رقم 7/2003 الصادر في 27 يونيو 2003 بشأن الشراكة بين "
                            "الدولة والجمعيات. وتضم هذه اللجنة ممثلين عن عدة قطاعات ومؤسسات معنية "
                            "بالجالية المغربية المقيمة بالخارج، وتقيم مدى ملاءمة المشروع لأحد "
                            "المحاور، وقابليته للإنجاز، وميزانيته، وتجربة الجمعية."
                        ),
                        (
                            "اقرؤوا نص الإعلان بعناية، لأن لائحة الوثائق والأجل المحدد قد يتغيران "
                            "من سنة إلى أخرى. ويتضمن الملف عادة النظام الأساسي للجمعية وما يثبت "
                            "تسجيلها القانوني في بلد الإقامة، ولائحة أعضاء المكتب، وآخر تقرير "
                            "أدبي وآخر تقرير مالي، وبطاقة المشروع مع إطاره المنطقي وميزانيته، "
                            "ورسائل التزام الشركاء. أودعوا ملفا كاملا قبل انتهاء الأجل، واحتفظوا "
                            "بنسخة من كل ما ترسلونه."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Ask a member who did not write the file to check it against the call's "
                        "list of documents."
                    ),
                    "fr": (
                        "Demandez à un membre qui n'a pas rédigé le dossier de le vérifier à "
                        "l'aide de la liste des pièces de l'appel."
                    ),
                    "ar": (
                        "اطلبوا من عضو لم يشارك في إعداد الملف أن يراجعه استنادا إلى لائحة "
                        "الوثائق الواردة في الإعلان."
                    ),
                },
                "quiz": {
                    "title": {
                        "en": "Final quiz: from idea to funded project",
                        "fr": "Quiz final : de l'idée au projet financé",
                        "ar": "الاختبار النهائي: من الفكرة إلى المشروع الممول",
                    },
                    "pass_mark": 70,
                    "max_attempts": 3,
                    "questions": [
                        {
                            "text": {
                                "en": (
                                    "Who selects the projects that the ministry supports under "
                                    "its partnership programme?"
                                ),
                                "fr": (
                                    "Qui sélectionne les projets soutenus par le ministère dans "
                                    "le cadre de son programme de partenariat ?"
                                ),
                                "ar": (
                                    "من ينتقي المشاريع التي تدعمها الوزارة في إطار برنامج الشراكة؟"
                                ),
                            },
                            "multiple": False,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "An eligibility committee within the ministry, with "
                                            "representatives of several departments and "
                                            "institutions"
                                        ),
                                        "fr": (
                                            "Un comité d'éligibilité au sein du ministère, "
                                            "réunissant des représentants de plusieurs "
                                            "départements et institutions"
                                        ),
                                        "ar": (
                                            "لجنة الأهلية داخل الوزارة، وتضم ممثلين عن عدة قطاعات "
                                            "ومؤسسات"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: the committee was created under the Prime "
                                            "Minister's circular No. 7/2003."
                                        ),
                                        "fr": (
                                            "Exact : ce comité a été créé en application de la "
                                            "circulaire du Premier ministre n° 7/2003."
                                        ),
                                        "ar": (
                                            "صحيح: أحدثت هذه اللجنة تطبيقا لمنشور الوزير الأول "
                                            "رقم 7/2003."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "The consulate of the country where the association "
                                            "is registered, on its own"
                                        ),
                                        "fr": (
                                            "Le consulat du pays où l'association est "
                                            "enregistrée, seul"
                                        ),
                                        "ar": "القنصلية الموجودة في بلد تسجيل الجمعية، بمفردها",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: consulates can inform and guide associations, "
                                            "but the selection is made by the committee."
                                        ),
                                        "fr": (
                                            "Non : les consulats peuvent informer et orienter, "
                                            "mais la sélection revient au comité."
                                        ),
                                        "ar": (
                                            "خطأ: يمكن للقنصليات إخبار الجمعيات وتوجيهها، لكن "
                                            "الانتقاء من اختصاص اللجنة."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": "The first associations to submit a file",
                                        "fr": "Les premières associations qui déposent un dossier",
                                        "ar": "أولى الجمعيات التي تودع ملفاتها",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: projects are examined on their merits, not in "
                                            "order of arrival; a file simply has to arrive before "
                                            "the deadline."
                                        ),
                                        "fr": (
                                            "Non : les projets sont examinés sur le fond, pas par "
                                            "ordre d'arrivée ; il suffit que le dossier arrive "
                                            "avant la date limite."
                                        ),
                                        "ar": (
                                            "خطأ: تدرس المشاريع حسب جودتها لا حسب ترتيب وصولها، "
                                            "ويكفي أن يصل الملف قبل انتهاء الأجل."
                                        ),
                                    },
                                },
                            ],
                        },
                        {
                            "text": {
                                "en": (
                                    "Which elements strengthen an application? (several answers)"
                                ),
                                "fr": (
                                    "Quels éléments renforcent un dossier de candidature ? "
                                    "(plusieurs réponses)"
                                ),
                                "ar": "ما العناصر التي تقوي ملف الترشيح؟ (عدة أجوبة)",
                            },
                            "multiple": True,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "Signed commitment letters from partners stating "
                                            "their contribution"
                                        ),
                                        "fr": (
                                            "Des lettres d'engagement signées des partenaires "
                                            "précisant leur apport"
                                        ),
                                        "ar": "رسائل التزام موقعة من الشركاء تحدد مساهماتهم",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": "Correct: they prove co-funding and local roots.",
                                        "fr": (
                                            "Exact : elles prouvent le cofinancement et l'ancrage "
                                            "local."
                                        ),
                                        "ar": "صحيح: فهي تثبت التمويل المشترك والتجذر المحلي.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "A budget in which every line matches an activity of "
                                            "the logical framework"
                                        ),
                                        "fr": (
                                            "Un budget dont chaque ligne correspond à une "
                                            "activité du cadre logique"
                                        ),
                                        "ar": "ميزانية يقابل كل بند فيها نشاطا في الإطار المنطقي",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: consistency between budget and activities "
                                            "is one of the first things checked."
                                        ),
                                        "fr": (
                                            "Exact : la cohérence entre budget et activités est "
                                            "l'un des premiers points vérifiés."
                                        ),
                                        "ar": (
                                            "صحيح: الانسجام بين الميزانية والأنشطة من أول ما يتم "
                                            "التحقق منه."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": "A long list of activities without indicators",
                                        "fr": "Une longue liste d'activités sans indicateurs",
                                        "ar": "لائحة طويلة من الأنشطة بدون مؤشرات",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: without indicators, nobody can tell whether the "
                                            "project achieved anything."
                                        ),
                                        "fr": (
                                            "Non : sans indicateurs, personne ne peut savoir si "
                                            "le projet a produit quelque chose."
                                        ),
                                        "ar": (
                                            "خطأ: بدون مؤشرات لا يمكن لأحد أن يعرف هل حقق المشروع "
                                            "شيئا."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "A budget rounded up to leave a safety margin on "
                                            "every line"
                                        ),
                                        "fr": (
                                            "Un budget arrondi à la hausse pour garder une marge "
                                            "sur chaque ligne"
                                        ),
                                        "ar": "ميزانية رفعت مبالغها لترك هامش احتياطي في كل بند",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: an inflated budget weakens the file; justify "
                                            "each amount instead."
                                        ),
                                        "fr": (
                                            "Non : un budget gonflé affaiblit le dossier ; "
                                            "justifiez plutôt chaque montant."
                                        ),
                                        "ar": (
                                            "خطأ: الميزانية المضخمة تضعف الملف، والأجدى تبرير كل "
                                            "مبلغ."
                                        ),
                                    },
                                },
                            ],
                        },
                        {
                            "text": {
                                "en": (
                                    "Which project falls within one of the ministry's strategic "
                                    "axes?"
                                ),
                                "fr": (
                                    "Quel projet s'inscrit dans l'un des axes stratégiques du "
                                    "ministère ?"
                                ),
                                "ar": "أي مشروع يندرج ضمن أحد المحاور الاستراتيجية للوزارة؟",
                            },
                            "multiple": False,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "Weekly school support for Moroccan children in "
                                            "difficulty in a district of Madrid"
                                        ),
                                        "fr": (
                                            "Un soutien scolaire hebdomadaire pour des enfants "
                                            "marocains en difficulté dans un quartier de Madrid"
                                        ),
                                        "ar": (
                                            "دعم مدرسي أسبوعي لفائدة أطفال مغاربة متعثرين دراسيا "
                                            "في أحد أحياء مدريد"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: school support for Moroccan children in "
                                            "difficult situations is a strategic axis."
                                        ),
                                        "fr": (
                                            "Exact : le soutien scolaire aux enfants marocains en "
                                            "situation difficile est un axe stratégique."
                                        ),
                                        "ar": (
                                            "صحيح: الدعم المدرسي لفائدة الأطفال المغاربة في وضعية "
                                            "صعبة محور استراتيجي."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": "Renewing the furniture of the association's office",
                                        "fr": (
                                            "Le renouvellement du mobilier du local de "
                                            "l'association"
                                        ),
                                        "ar": "تجديد أثاث مقر الجمعية",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: furnishing the office is not a project for a "
                                            "target group."
                                        ),
                                        "fr": (
                                            "Non : l'aménagement du local ne constitue pas un "
                                            "projet au service d'un public."
                                        ),
                                        "ar": "خطأ: تجهيز المقر ليس مشروعا موجها لفئة مستهدفة.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": "A trip to Morocco for the members of the board",
                                        "fr": "Un voyage au Maroc pour les membres du bureau",
                                        "ar": "رحلة إلى المغرب لفائدة أعضاء المكتب",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: the programme funds actions for MLA groups, not "
                                            "trips for the board."
                                        ),
                                        "fr": (
                                            "Non : le programme finance des actions au profit des "
                                            "MRE, pas des voyages du bureau."
                                        ),
                                        "ar": (
                                            "خطأ: يمول البرنامج أنشطة لفائدة فئات مغاربة العالم، "
                                            "لا رحلات أعضاء المكتب."
                                        ),
                                    },
                                },
                            ],
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "monitoring-evaluation-reporting",
        "axis": "project-engineering",
        "groups": [],
        "countries": [],
        "level": "intermediate",
        "format": "blended",
        "hours": 8,
        "certificate": True,
        "prerequisites": ["project-engineering-foundations"],
        "tags": ["monitoring", "evaluation", "indicators", "reporting"],
        "title": {
            "en": "Monitoring, evaluation and reporting to funders",
            "fr": "Suivi, évaluation et compte rendu aux bailleurs de fonds",
            "ar": "التتبع والتقييم وإعداد التقارير لفائدة الممولين",
        },
        "summary": {
            "en": (
                "Once the project is funded, plan how you will follow it, evaluate it and report "
                "to the ministry and your other funders, so that your next application starts "
                "from proven results."
            ),
            "fr": (
                "Une fois le projet financé, planifiez son suivi, son évaluation et les comptes "
                "rendus au ministère et à vos autres bailleurs, pour que votre prochaine "
                "candidature s'appuie sur des résultats prouvés."
            ),
            "ar": (
                "بعد حصول المشروع على التمويل، خططوا لتتبعه وتقييمه وإعداد التقارير لفائدة "
                "الوزارة وباقي الممولين، حتى ينطلق ترشيحكم المقبل من نتائج مثبتة."
            ),
        },
        "objectives": {
            "en": [
                (
                    "Set up a simple monitoring plan with a baseline, targets and data collection "
                    "tools."
                ),
                "Conduct a final evaluation that involves the beneficiaries and the partners.",
                "Write narrative and financial reports that meet the funders' requirements.",
            ],
            "fr": [
                (
                    "Mettre en place un plan de suivi simple avec une situation de référence, des "
                    "cibles et des outils de collecte."
                ),
                "Conduire une évaluation finale associant les bénéficiaires et les partenaires.",
                (
                    "Rédiger des rapports narratifs et financiers conformes aux exigences des "
                    "bailleurs."
                ),
            ],
            "ar": [
                "وضع خطة تتبع بسيطة تتضمن الوضعية المرجعية والقيم المستهدفة وأدوات جمع المعطيات.",
                "إجراء تقييم نهائي بمشاركة المستفيدين والشركاء.",
                "تحرير تقارير أدبية ومالية تستجيب لمتطلبات الممولين.",
            ],
        },
        "lessons": [
            {
                "slug": "monitoring-plan",
                "title": {
                    "en": "Setting up a monitoring plan",
                    "fr": "Mettre en place un plan de suivi",
                    "ar": "وضع خطة للتتبع",
                },
                "minutes": 25,
                "preview": True,
                "body": {
                    "en": [
                        (
                            "Monitoring means collecting, during the project, the information "
                            "that shows whether activities are carried out as planned and whether "
                            "indicators are moving towards their targets. Start by measuring the "
                            "baseline: the value of each indicator before the first activity, for "
                            "example the average marks of the enrolled pupils in the first term."
                        ),
                        (
                            "For each indicator, decide who collects the data, with which tool "
                            "and how often. Simple tools are enough: signed attendance sheets, a "
                            "registration form, a short satisfaction questionnaire and a shared "
                            "spreadsheet that the coordinator updates every month. Forms that "
                            "volunteers can fill in on a phone save time when sessions take place "
                            "in several places."
                        ),
                        (
                            "Collect only the personal data you need and explain to participants "
                            "why you collect it. In the European Union, the General Data "
                            "Protection Regulation applies to associations too: keep the lists in "
                            "a secure place, limit who can see them and delete them when they are "
                            "no longer needed."
                        ),
                    ],
                    "fr": [
                        (
                            "Le suivi consiste à collecter, pendant le projet, les informations "
                            "qui montrent si les activités se déroulent comme prévu et si les "
                            "indicateurs progressent vers leurs cibles. Commencez par mesurer la "
                            "situation de référence : la valeur de chaque indicateur avant la "
                            "première activité, par exemple la moyenne des élèves inscrits au "
                            "premier trimestre."
                        ),
                        (
                            "Pour chaque indicateur, décidez qui collecte les données, avec quel "
                            "outil et à quelle fréquence. Des outils simples suffisent : des "
                            "feuilles de présence signées, une fiche d'inscription, un court "
                            "questionnaire de satisfaction et un tableur partagé que le "
                            "coordinateur met à jour chaque mois. Des formulaires que les "
                            "bénévoles remplissent sur leur téléphone font gagner du temps quand "
                            "les séances ont lieu dans plusieurs lieux."
                        ),
                        (
                            "Ne collectez que les données personnelles nécessaires et expliquez "
                            "aux participants pourquoi vous les recueillez. Dans l'Union "
                            "européenne, le règlement général sur la protection des données "
                            "s'applique aussi aux associations : conservez les listes dans un "
                            "endroit sécurisé, limitez les personnes qui y ont accès et "
                            "supprimez-les lorsqu'elles ne sont plus nécessaires."
                        ),
                    ],
                    "ar": [
                        (
                            "يعني التتبع جمع المعلومات خلال تنفيذ المشروع لمعرفة هل تسير الأنشطة "
                            "كما هو مخطط لها، وهل تتقدم المؤشرات نحو القيم المستهدفة. ابدؤوا "
                            "بقياس الوضعية المرجعية، أي قيمة كل مؤشر قبل انطلاق النشاط الأول، مثل "
                            "معدل نقاط التلاميذ المسجلين في الفصل الأول."
                        ),
                        (
                            "حددوا لكل مؤشر من يجمع المعطيات، وبأي أداة، وبأي وتيرة. وتكفي أدوات "
                            "بسيطة: أوراق حضور موقعة، واستمارة تسجيل، واستبيان قصير لقياس الرضا، "
                            "وجدول بيانات مشترك يحينه المنسق كل شهر. كما أن الاستمارات التي "
                            "يملؤها المتطوعون على هواتفهم توفر الوقت عندما تنظم الحصص في أماكن "
                            "متعددة."
                        ),
                        (
                            "لا تجمعوا من المعطيات الشخصية إلا ما تحتاجون إليه، واشرحوا للمشاركين "
                            "سبب جمعها. ففي الاتحاد الأوروبي، تسري اللائحة العامة لحماية البيانات "
                            "على الجمعيات أيضا: احفظوا اللوائح في مكان آمن، وحددوا من يحق له "
                            "الاطلاع عليها، واحذفوها عندما تنتفي الحاجة إليها."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Put a 30-minute monitoring item on the agenda of every monthly board "
                        "meeting."
                    ),
                    "fr": (
                        "Inscrivez un point de suivi de 30 minutes à l'ordre du jour de chaque "
                        "réunion mensuelle du bureau."
                    ),
                    "ar": "خصصوا نصف ساعة لتتبع المشروع في جدول أعمال كل اجتماع شهري للمكتب.",
                },
            },
            {
                "slug": "evaluating-change",
                "title": {
                    "en": "Evaluating what the project changed",
                    "fr": "Évaluer ce que le projet a changé",
                    "ar": "تقييم ما غيره المشروع",
                },
                "minutes": 30,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "Evaluation steps back from day-to-day monitoring to answer broader "
                            "questions. Was the project relevant to the needs identified, and did "
                            "it achieve its specific objective? Were resources used efficiently? "
                            "Will the benefits last after the funding ends?"
                        ),
                        (
                            "Compare the final values of the indicators with the baseline and the "
                            "targets, then explain the gaps. Add qualitative evidence: a focus "
                            "group with participants, interviews with a teacher or a social "
                            "worker of the partner municipality, and a few testimonies collected "
                            "with the consent of the people concerned."
                        ),
                        (
                            "Share the conclusions with the board, the volunteers and the "
                            "partners, and write down what you would do differently. An honest "
                            "evaluation that acknowledges difficulties is more convincing for a "
                            "funder than a report in which everything went perfectly."
                        ),
                    ],
                    "fr": [
                        (
                            "L'évaluation prend du recul par rapport au suivi quotidien pour "
                            "répondre à des questions plus larges. Le projet répondait-il aux "
                            "besoins identifiés, et a-t-il atteint son objectif spécifique ? Les "
                            "ressources ont-elles été utilisées de manière efficiente ? Les "
                            "bénéfices dureront-ils après la fin du financement ?"
                        ),
                        (
                            "Comparez les valeurs finales des indicateurs avec la situation de "
                            "référence et les cibles, puis expliquez les écarts. Ajoutez des "
                            "éléments qualitatifs : un groupe de discussion avec les "
                            "participants, des entretiens avec un enseignant ou un travailleur "
                            "social de la commune partenaire, et quelques témoignages recueillis "
                            "avec l'accord des personnes concernées."
                        ),
                        (
                            "Partagez les conclusions avec le bureau, les bénévoles et les "
                            "partenaires, et notez ce que vous feriez autrement. Une évaluation "
                            "honnête qui reconnaît les difficultés convainc davantage un bailleur "
                            "qu'un rapport où tout s'est parfaitement déroulé."
                        ),
                    ],
                    "ar": [
                        (
                            "يتجاوز التقييم التتبع اليومي ليجيب عن أسئلة أوسع: هل كان المشروع "
                            "ملائما للاحتياجات التي تم تحديدها، وهل حقق هدفه الخاص؟ هل استعملت "
                            "الموارد بنجاعة؟ وهل ستستمر فوائده بعد انتهاء التمويل؟"
                        ),
                        (
                            "قارنوا القيم النهائية للمؤشرات بالوضعية المرجعية وبالقيم المستهدفة، "
                            "ثم فسروا الفوارق. وأضيفوا معطيات نوعية: مجموعة نقاش مع المشاركين، "
                            "ومقابلات مع مدرس أو مساعد اجتماعي من البلدية الشريكة، وبعض الشهادات "
                            "التي تجمع بموافقة أصحابها."
                        ),
                        (
                            "تقاسموا الخلاصات مع المكتب والمتطوعين والشركاء، ودونوا ما كنتم "
                            "ستقومون به بشكل مختلف. فالتقييم الصادق الذي يعترف بالصعوبات أكثر "
                            "إقناعا للممول من تقرير يبدو فيه كل شيء مثاليا."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Plan the final evaluation from the start and include its cost in the "
                        "budget."
                    ),
                    "fr": (
                        "Prévoyez l'évaluation finale dès le départ et inscrivez son coût au "
                        "budget."
                    ),
                    "ar": "خططوا للتقييم النهائي منذ البداية وأدرجوا كلفته في الميزانية.",
                },
            },
            {
                "slug": "reporting-to-funders",
                "title": {
                    "en": "Narrative and financial reports",
                    "fr": "Rapports narratif et financier",
                    "ar": "التقريران الأدبي والمالي",
                },
                "minutes": 30,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "The narrative report recalls the objectives, compares the activities "
                            "carried out with those planned, presents the indicators achieved and "
                            "explains difficulties and adjustments. Attach the evidence: "
                            "attendance sheets, photographs taken with consent, press articles "
                            "and the partners' attestations."
                        ),
                        (
                            "The financial report presents, for each budget line, the amount "
                            "planned and the amount actually spent, and explains the gap. Keep "
                            "every supporting document, such as invoices, receipts and bank "
                            "statements, for the period required by the funder and by the law of "
                            "the host country. If you need to move money from one line to another "
                            "beyond the margin set in the agreement, ask the funder for written "
                            "approval before spending."
                        ),
                        (
                            "Respect the deadlines set in the agreement. A complete and punctual "
                            "report on one grant is part of the association's track record and "
                            "weighs on how the eligibility committee reads its next application."
                        ),
                    ],
                    "fr": [
                        (
                            "Le rapport narratif rappelle les objectifs, compare les activités "
                            "réalisées à celles prévues, présente les indicateurs atteints et "
                            "explique les difficultés et les ajustements. Joignez les "
                            "justificatifs : feuilles de présence, photos prises avec l'accord "
                            "des personnes, articles de presse et attestations des partenaires."
                        ),
                        (
                            "Le rapport financier présente, pour chaque ligne budgétaire, le "
                            "montant prévu et le montant réellement dépensé, en expliquant "
                            "l'écart. Conservez toutes les pièces justificatives, comme les "
                            "factures, les reçus et les relevés bancaires, pendant la durée "
                            "exigée par le bailleur et par la loi du pays d'accueil. Si vous "
                            "devez transférer des fonds d'une ligne à une autre au-delà de la "
                            "marge prévue par la convention, demandez l'accord écrit du bailleur "
                            "avant d'engager la dépense."
                        ),
                        (
                            "Respectez les délais fixés par la convention. Un rapport complet et "
                            "remis à temps sur une subvention fait partie de l'expérience de "
                            "l'association et pèse dans la lecture que le comité d'éligibilité "
                            "fera de sa prochaine candidature."
                        ),
                    ],
                    "ar": [
                        (
                            "يذكر التقرير الأدبي بالأهداف، ويقارن الأنشطة المنجزة بالأنشطة "
                            "المبرمجة، ويعرض المؤشرات المحققة، ويشرح الصعوبات والتعديلات. وأرفقوا "
                            "به الوثائق المثبتة: أوراق الحضور، والصور الملتقطة بموافقة أصحابها، "
                            "والمقالات الصحفية، وشهادات الشركاء."
                        ),
                        (
                            "يعرض التقرير المالي لكل بند من بنود الميزانية المبلغ المتوقع والمبلغ "
                            "المصروف فعلا، مع تفسير الفارق. واحتفظوا بجميع الوثائق المثبتة، "
                            "كالفواتير والوصولات وكشوف الحساب البنكي، طوال المدة التي يشترطها "
                            "الممول وقانون بلد الإقامة. وإذا احتجتم إلى تحويل مبالغ من بند إلى "
                            "آخر بما يتجاوز الهامش المحدد في الاتفاقية، فاطلبوا موافقة الممول "
                            "كتابة قبل الصرف."
                        ),
                        (
                            "احترموا الآجال المحددة في الاتفاقية. فالتقرير الكامل المقدم في وقته "
                            "عن منحة سابقة جزء من رصيد الجمعية، ويؤثر في قراءة لجنة الأهلية "
                            "لترشيحها المقبل."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "File invoices every month by budget line instead of searching for them "
                        "at the end of the project."
                    ),
                    "fr": (
                        "Classez les factures chaque mois par ligne budgétaire au lieu de les "
                        "chercher à la fin du projet."
                    ),
                    "ar": (
                        "رتبوا الفواتير كل شهر حسب بنود الميزانية بدل البحث عنها في نهاية المشروع."
                    ),
                },
                "quiz": {
                    "title": {
                        "en": "Final quiz: monitoring and reporting",
                        "fr": "Quiz final : suivi et comptes rendus",
                        "ar": "الاختبار النهائي: التتبع وإعداد التقارير",
                    },
                    "pass_mark": 70,
                    "max_attempts": 3,
                    "questions": [
                        {
                            "text": {
                                "en": "What is the baseline of an indicator?",
                                "fr": "Qu'est-ce que la situation de référence d'un indicateur ?",
                                "ar": "ما المقصود بالوضعية المرجعية لمؤشر ما؟",
                            },
                            "multiple": False,
                            "options": [
                                {
                                    "text": {
                                        "en": "Its value before the project's first activity",
                                        "fr": "Sa valeur avant la première activité du projet",
                                        "ar": "قيمته قبل انطلاق أول نشاط في المشروع",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: the baseline is the starting point against "
                                            "which progress is measured."
                                        ),
                                        "fr": (
                                            "Exact : c'est le point de départ à partir duquel on "
                                            "mesure les progrès."
                                        ),
                                        "ar": (
                                            "صحيح: إنها نقطة الانطلاق التي يقاس على أساسها التقدم."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": "The value the project hopes to reach at the end",
                                        "fr": "La valeur que le projet espère atteindre à la fin",
                                        "ar": "القيمة التي يطمح المشروع إلى بلوغها في نهايته",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": "No: that is the target.",
                                        "fr": "Non : c'est la valeur cible.",
                                        "ar": "خطأ: هذه هي القيمة المستهدفة.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "The average of the values measured during the project"
                                        ),
                                        "fr": "La moyenne des valeurs mesurées pendant le projet",
                                        "ar": "متوسط القيم المسجلة خلال المشروع",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: an average over the project says nothing about "
                                            "the starting point."
                                        ),
                                        "fr": (
                                            "Non : une moyenne sur la durée du projet ne dit rien "
                                            "du point de départ."
                                        ),
                                        "ar": (
                                            "خطأ: المتوسط على امتداد المشروع لا يبين نقطة "
                                            "الانطلاق."
                                        ),
                                    },
                                },
                            ],
                        },
                        {
                            "text": {
                                "en": (
                                    "Halfway through the project, the travel line will clearly be "
                                    "overspent while the equipment line will be underspent, "
                                    "beyond the margin set in the agreement. What should the "
                                    "association do?"
                                ),
                                "fr": (
                                    "À mi-parcours, la ligne des déplacements sera nettement "
                                    "dépassée tandis que la ligne d'équipement sera "
                                    "sous-consommée, au-delà de la marge prévue par la "
                                    "convention. Que doit faire l'association ?"
                                ),
                                "ar": (
                                    "في منتصف مدة المشروع، يتضح أن بند التنقل سيتجاوز المبلغ "
                                    "المحدد بينما لن يستهلك بند التجهيزات كاملا، بما يتعدى الهامش "
                                    "المحدد في الاتفاقية. ماذا ينبغي للجمعية أن تفعل؟"
                                ),
                            },
                            "multiple": False,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "Explain the situation to the funder and obtain "
                                            "written approval before moving the money"
                                        ),
                                        "fr": (
                                            "Expliquer la situation au bailleur et obtenir son "
                                            "accord écrit avant de transférer les fonds"
                                        ),
                                        "ar": (
                                            "شرح الوضعية للممول والحصول على موافقته الكتابية قبل "
                                            "تحويل المبالغ"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: a reallocation beyond the agreed margin "
                                            "requires the funder's prior approval."
                                        ),
                                        "fr": (
                                            "Exact : une réaffectation au-delà de la marge "
                                            "convenue exige l'accord préalable du bailleur."
                                        ),
                                        "ar": (
                                            "صحيح: كل تحويل يتجاوز الهامش المتفق عليه يتطلب "
                                            "موافقة مسبقة من الممول."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": "Move the money and explain it in the final report",
                                        "fr": (
                                            "Transférer les fonds et l'expliquer dans le rapport "
                                            "final"
                                        ),
                                        "ar": "تحويل المبالغ ثم شرح ذلك في التقرير النهائي",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: informing the funder afterwards exposes the "
                                            "association to having the expense rejected."
                                        ),
                                        "fr": (
                                            "Non : informer le bailleur après coup expose "
                                            "l'association au rejet de la dépense."
                                        ),
                                        "ar": (
                                            "خطأ: إخبار الممول بعد الصرف يعرض الجمعية لرفض النفقة."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "Buy unnecessary equipment so that the equipment line "
                                            "is fully spent"
                                        ),
                                        "fr": (
                                            "Acheter du matériel inutile pour consommer toute la "
                                            "ligne d'équipement"
                                        ),
                                        "ar": (
                                            "شراء تجهيزات غير ضرورية لاستهلاك بند التجهيزات "
                                            "بالكامل"
                                        ),
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: every expense must serve the project's "
                                            "activities."
                                        ),
                                        "fr": (
                                            "Non : chaque dépense doit servir les activités du "
                                            "projet."
                                        ),
                                        "ar": "خطأ: يجب أن تخدم كل نفقة أنشطة المشروع.",
                                    },
                                },
                            ],
                        },
                        {
                            "text": {
                                "en": (
                                    "Which documents support the financial report? (several "
                                    "answers)"
                                ),
                                "fr": (
                                    "Quelles pièces justifient le rapport financier ? (plusieurs "
                                    "réponses)"
                                ),
                                "ar": "ما الوثائق التي تثبت التقرير المالي؟ (عدة أجوبة)",
                            },
                            "multiple": True,
                            "options": [
                                {
                                    "text": {
                                        "en": "Invoices and receipts in the association's name",
                                        "fr": "Les factures et reçus au nom de l'association",
                                        "ar": "الفواتير والوصولات باسم الجمعية",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": "Correct: they prove each expense.",
                                        "fr": "Exact : ils prouvent chaque dépense.",
                                        "ar": "صحيح: فهي تثبت كل نفقة.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": "The association's bank statements for the period",
                                        "fr": (
                                            "Les relevés bancaires de l'association pour la "
                                            "période"
                                        ),
                                        "ar": "كشوف الحساب البنكي للجمعية خلال المدة المعنية",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: they show that the payments were actually "
                                            "made."
                                        ),
                                        "fr": (
                                            "Exact : ils montrent que les paiements ont bien été "
                                            "effectués."
                                        ),
                                        "ar": "صحيح: فهي تبين أن الأداءات تمت فعلا.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "A list of estimated costs drawn up at the end of the "
                                            "project"
                                        ),
                                        "fr": (
                                            "Une liste de coûts estimés établie à la fin du projet"
                                        ),
                                        "ar": "لائحة بتكاليف تقديرية أعدت في نهاية المشروع",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: an estimate made afterwards does not prove any "
                                            "expense."
                                        ),
                                        "fr": (
                                            "Non : une estimation faite après coup ne prouve "
                                            "aucune dépense."
                                        ),
                                        "ar": "خطأ: التقدير اللاحق لا يثبت أي نفقة.",
                                    },
                                },
                            ],
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "school-support-children-abroad",
        "axis": "school-support",
        "groups": ["children"],
        "countries": ["es", "it"],
        "level": "beginner",
        "format": "blended",
        "hours": 6,
        "certificate": True,
        "prerequisites": [],
        "tags": ["school support", "families", "volunteers", "child protection"],
        "title": {
            "en": "School support for Moroccan children abroad",
            "fr": "Soutien scolaire pour les enfants marocains à l'étranger",
            "ar": "الدعم المدرسي لفائدة الأطفال المغاربة بالخارج",
        },
        "summary": {
            "en": (
                "Design a school support project for Moroccan children in difficulty in Spain and "
                "Italy, working hand in hand with schools, families and municipalities."
            ),
            "fr": (
                "Concevoir un projet de soutien scolaire pour les enfants marocains en difficulté "
                "en Espagne et en Italie, en lien étroit avec les écoles, les familles et les "
                "municipalités."
            ),
            "ar": (
                "تصميم مشروع للدعم المدرسي لفائدة الأطفال المغاربة المتعثرين دراسيا في إسبانيا "
                "وإيطاليا، بتنسيق وثيق مع المدارس والأسر والبلديات."
            ),
        },
        "objectives": {
            "en": [
                (
                    "Identify, with schools and families, the children who need support and their "
                    "difficulties."
                ),
                "Organise regular support sessions with trained volunteers in a safe setting.",
                (
                    "Measure the children's progress and report on it to the ministry and local "
                    "partners."
                ),
            ],
            "fr": [
                (
                    "Repérer, avec les écoles et les familles, les enfants qui ont besoin d'un "
                    "soutien et leurs difficultés."
                ),
                (
                    "Organiser des séances régulières de soutien avec des bénévoles formés, dans "
                    "un cadre sûr."
                ),
                (
                    "Mesurer les progrès des enfants et en rendre compte au ministère et aux "
                    "partenaires locaux."
                ),
            ],
            "ar": [
                "تحديد الأطفال الذين يحتاجون إلى الدعم وصعوباتهم، بتعاون مع المدارس والأسر.",
                "تنظيم حصص دعم منتظمة يؤطرها متطوعون مكونون في إطار آمن.",
                "قياس تقدم الأطفال وإعداد تقارير بشأنه لفائدة الوزارة والشركاء المحليين.",
            ],
        },
        "lessons": [
            {
                "slug": "identifying-children",
                "title": {
                    "en": "Identifying the children who need support",
                    "fr": "Repérer les enfants qui ont besoin d'un soutien",
                    "ar": "تحديد الأطفال المحتاجين إلى الدعم",
                },
                "minutes": 20,
                "preview": True,
                "body": {
                    "en": [
                        (
                            "In Spain and Italy, many Moroccan children arrived recently or are "
                            "growing up in families where the parents work long hours, often in "
                            "agriculture or services. Some struggle with the language of "
                            "instruction, whether Spanish, Catalan or Italian, others with "
                            "homework their parents cannot follow. Difficulties are not the same "
                            "at 7 and at 14, so start by defining the age group your association "
                            "can really support."
                        ),
                        (
                            "Meet the schools of the neighbourhood, the municipal social services "
                            "and the parents. Agree with the teachers on simple criteria: recent "
                            "arrival, reading difficulties, a repeated year or frequent absences. "
                            "Enrol a child only with the written consent of the parents, and "
                            "present the support as an opportunity, never as a label."
                        ),
                    ],
                    "fr": [
                        (
                            "En Espagne et en Italie, beaucoup d'enfants marocains sont arrivés "
                            "récemment ou grandissent dans des familles où les parents "
                            "travaillent de longues heures, souvent dans l'agriculture ou les "
                            "services. Certains peinent avec la langue d'enseignement, espagnol, "
                            "catalan ou italien, d'autres avec des devoirs que leurs parents ne "
                            "peuvent pas suivre. Les difficultés ne sont pas les mêmes à 7 ans et "
                            "à 14 ans : commencez par définir la tranche d'âge que votre "
                            "association peut réellement accompagner."
                        ),
                        (
                            "Rencontrez les écoles du quartier, les services sociaux municipaux "
                            "et les parents. Convenez avec les enseignants de critères simples : "
                            "arrivée récente, difficultés de lecture, redoublement ou absences "
                            "fréquentes. N'inscrivez un enfant qu'avec l'accord écrit de ses "
                            "parents, et présentez le soutien comme une chance, jamais comme une "
                            "étiquette."
                        ),
                    ],
                    "ar": [
                        (
                            "في إسبانيا وإيطاليا، وصل عدد كبير من الأطفال المغاربة حديثا، أو "
                            "ينشؤون في أسر يعمل فيها الآباء ساعات طويلة، غالبا في الفلاحة أو قطاع "
                            "الخدمات. ويجد بعضهم صعوبة في لغة التدريس، سواء كانت الإسبانية أو "
                            "الكتالانية أو الإيطالية، ويواجه آخرون واجبات مدرسية لا يستطيع آباؤهم "
                            "متابعتها. والصعوبات في سن السابعة تختلف عنها في سن الرابعة عشرة، لذا "
                            "ابدؤوا بتحديد الفئة العمرية التي تستطيع جمعيتكم مواكبتها فعلا."
                        ),
                        (
                            "التقوا بمدارس الحي والمصالح الاجتماعية البلدية والآباء. واتفقوا مع "
                            "المدرسين على معايير بسيطة: الوصول الحديث، أو صعوبات القراءة، أو "
                            "تكرار السنة، أو كثرة الغياب. ولا تسجلوا أي طفل إلا بموافقة كتابية من "
                            "والديه، وقدموا الدعم باعتباره فرصة لا وصمة."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Invite a teacher to the first meeting with parents: families will trust "
                        "the project more quickly."
                    ),
                    "fr": (
                        "Invitez un enseignant à la première réunion avec les parents : les "
                        "familles feront plus vite confiance au projet."
                    ),
                    "ar": (
                        "ادعوا أحد المدرسين إلى اللقاء الأول مع الآباء، فذلك يعزز ثقة الأسر في "
                        "المشروع بسرعة."
                    ),
                },
            },
            {
                "slug": "organising-sessions",
                "title": {
                    "en": "Organising safe and regular sessions",
                    "fr": "Organiser des séances régulières et sûres",
                    "ar": "تنظيم حصص منتظمة وآمنة",
                },
                "minutes": 25,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "Work in small groups of six to eight children, at fixed times, for "
                            "example twice a week after school. Borrow a room from the "
                            "municipality, a civic centre or a partner school, and check that it "
                            "is insured for activities with minors. Each session can combine "
                            "homework help, reading aloud and a short mathematics game."
                        ),
                        (
                            "Recruit volunteers among students and retired teachers, and train "
                            "them before the first session: how to explain without doing the work "
                            "for the child, how to encourage, what to do if a child confides a "
                            "problem. In Spain, anyone who works with minors, volunteers "
                            "included, must present a certificate from the central register of "
                            "sex offenders; in Italy, a criminal record certificate is required "
                            "for paid work with minors and is strongly recommended for "
                            "volunteers."
                        ),
                        (
                            "Meet the parents at least once a term, with an interpreter if "
                            "needed. Show them their child's progress and suggest simple ways to "
                            "help at home, even when they do not speak the language of the "
                            "school."
                        ),
                    ],
                    "fr": [
                        (
                            "Travaillez en petits groupes de six à huit enfants, à horaires "
                            "fixes, par exemple deux fois par semaine après l'école. Empruntez "
                            "une salle à la municipalité, à un centre civique ou à une école "
                            "partenaire, et vérifiez qu'elle est assurée pour des activités avec "
                            "des mineurs. Chaque séance peut combiner aide aux devoirs, lecture à "
                            "voix haute et un court jeu de mathématiques."
                        ),
                        (
                            "Recrutez des bénévoles parmi les étudiants et les enseignants "
                            "retraités, et formez-les avant la première séance : expliquer sans "
                            "faire le travail à la place de l'enfant, encourager, savoir quoi "
                            "faire si un enfant confie un problème. En Espagne, toute personne "
                            "travaillant avec des mineurs, bénévoles compris, doit présenter un "
                            "certificat du registre central des délinquants sexuels ; en Italie, "
                            "un extrait de casier judiciaire est exigé pour le travail rémunéré "
                            "auprès de mineurs et vivement recommandé pour les bénévoles."
                        ),
                        (
                            "Rencontrez les parents au moins une fois par trimestre, avec un "
                            "interprète si besoin. Montrez-leur les progrès de leur enfant et "
                            "proposez-leur des moyens simples de l'aider à la maison, même s'ils "
                            "ne parlent pas la langue de l'école."
                        ),
                    ],
                    "ar": [
                        (
                            "اشتغلوا في مجموعات صغيرة من ستة إلى ثمانية أطفال، وفي أوقات ثابتة، "
                            "مثلا مرتين في الأسبوع بعد انتهاء الدراسة. واستعيروا قاعة من البلدية "
                            "أو من مركز اجتماعي أو من مدرسة شريكة، وتأكدوا من أنها مؤمنة للأنشطة "
                            "التي يشارك فيها قاصرون. ويمكن أن تجمع كل حصة بين المساعدة في "
                            "الواجبات المدرسية والقراءة بصوت مرتفع ولعبة قصيرة في الرياضيات."
                        ),
                        (
                            "استقطبوا متطوعين من بين الطلبة والمدرسين المتقاعدين، وكونوهم قبل "
                            "الحصة الأولى: كيف يشرحون دون أن ينجزوا العمل مكان الطفل، وكيف "
                            "يشجعونه، وماذا يفعلون إذا أسر إليهم طفل بمشكلة. ففي إسبانيا، يجب على "
                            "كل من يعمل مع القاصرين، بمن فيهم المتطوعون، الإدلاء بشهادة من السجل "
                            "المركزي لمرتكبي الجرائم الجنسية، وفي إيطاليا تشترط شهادة السجل "
                            "العدلي للعمل المأجور مع القاصرين ويوصى بها بشدة بالنسبة إلى "
                            "المتطوعين."
                        ),
                        (
                            "التقوا بالآباء مرة في كل فصل دراسي على الأقل، بحضور مترجم عند "
                            "الحاجة. واعرضوا عليهم تقدم أبنائهم، واقترحوا عليهم طرقا بسيطة "
                            "لمساعدتهم في البيت، حتى وإن كانوا لا يتكلمون لغة المدرسة."
                        ),
                    ],
                },
                "callout": {
                    "en": "Always plan for two adults to be present in the room during sessions.",
                    "fr": (
                        "Prévoyez toujours deux adultes présents dans la salle pendant les "
                        "séances."
                    ),
                    "ar": "احرصوا دائما على حضور شخصين راشدين في القاعة خلال الحصص.",
                },
            },
            {
                "slug": "measuring-progress",
                "title": {
                    "en": "Measuring progress and reporting",
                    "fr": "Mesurer les progrès et rendre compte",
                    "ar": "قياس التقدم وإعداد التقارير",
                },
                "minutes": 25,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "Open a simple file for each child with the marks of the term before "
                            "enrolment, attendance at the sessions and the teacher's comments. At "
                            "the end of each term, compare the marks with the starting point and "
                            "note changes in behaviour reported by the school, such as "
                            "participation in class or homework handed in on time."
                        ),
                        (
                            "Aggregate the results for the whole group: attendance rate, share of "
                            "children whose marks improved, number of parents who came to the "
                            "meetings. These figures feed the report to the ministry and to the "
                            "municipality, and they help you decide which children still need "
                            "support the following year."
                        ),
                    ],
                    "fr": [
                        (
                            "Ouvrez une fiche simple pour chaque enfant avec les notes du "
                            "trimestre précédant l'inscription, la présence aux séances et les "
                            "commentaires de l'enseignant. À la fin de chaque trimestre, comparez "
                            "les notes au point de départ et notez les changements de "
                            "comportement signalés par l'école, comme la participation en classe "
                            "ou les devoirs rendus à temps."
                        ),
                        (
                            "Agrégez les résultats pour l'ensemble du groupe : taux de présence, "
                            "part des enfants dont les notes ont progressé, nombre de parents "
                            "venus aux réunions. Ces chiffres alimentent le rapport au ministère "
                            "et à la municipalité, et ils vous aident à décider quels enfants ont "
                            "encore besoin d'un soutien l'année suivante."
                        ),
                    ],
                    "ar": [
                        (
                            "افتحوا لكل طفل ملفا بسيطا يتضمن نقاط الفصل السابق لتسجيله، وحضوره في "
                            "الحصص، وملاحظات مدرسه. وفي نهاية كل فصل دراسي، قارنوا النقاط بنقطة "
                            "الانطلاق، وسجلوا التغيرات في السلوك التي تلاحظها المدرسة، مثل "
                            "المشاركة في القسم أو تسليم الواجبات في وقتها."
                        ),
                        (
                            "اجمعوا نتائج المجموعة كلها: نسبة الحضور، ونسبة الأطفال الذين تحسنت "
                            "نقاطهم، وعدد الآباء الذين حضروا اللقاءات. وتغذي هذه الأرقام التقرير "
                            "الموجه إلى الوزارة وإلى البلدية، وتساعدكم على تحديد الأطفال الذين ما "
                            "زالوا في حاجة إلى الدعم في السنة الموالية."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Ask teachers for a short written comment each term: it carries more "
                        "weight than the association's own opinion."
                    ),
                    "fr": (
                        "Demandez aux enseignants un court commentaire écrit chaque trimestre : "
                        "il pèse plus que l'avis de l'association elle-même."
                    ),
                    "ar": (
                        "اطلبوا من المدرسين ملاحظة مكتوبة قصيرة في كل فصل دراسي، فهي أبلغ أثرا من "
                        "رأي الجمعية نفسها."
                    ),
                },
                "quiz": {
                    "title": {
                        "en": "Final quiz: school support",
                        "fr": "Quiz final : soutien scolaire",
                        "ar": "الاختبار النهائي: الدعم المدرسي",
                    },
                    "pass_mark": 70,
                    "max_attempts": 0,
                    "questions": [
                        {
                            "text": {
                                "en": (
                                    "Which indicator best shows the effect of the school support "
                                    "on the children?"
                                ),
                                "fr": (
                                    "Quel indicateur montre le mieux l'effet du soutien scolaire "
                                    "sur les enfants ?"
                                ),
                                "ar": "أي مؤشر يبين بشكل أفضل أثر الدعم المدرسي على الأطفال؟",
                            },
                            "multiple": False,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "The change in each child's marks between the term "
                                            "before enrolment and the end of the year"
                                        ),
                                        "fr": (
                                            "L'évolution des notes de chaque enfant entre le "
                                            "trimestre précédant l'inscription et la fin de "
                                            "l'année"
                                        ),
                                        "ar": (
                                            "تطور نقاط كل طفل بين الفصل السابق لتسجيله ونهاية "
                                            "السنة"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: it compares the results with the starting "
                                            "point."
                                        ),
                                        "fr": (
                                            "Exact : il compare les résultats au point de départ."
                                        ),
                                        "ar": "صحيح: فهو يقارن النتائج بنقطة الانطلاق.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": "The number of sessions organised",
                                        "fr": "Le nombre de séances organisées",
                                        "ar": "عدد الحصص المنظمة",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: it measures the association's activity, not the "
                                            "effect on the children."
                                        ),
                                        "fr": (
                                            "Non : il mesure l'activité de l'association, pas "
                                            "l'effet sur les enfants."
                                        ),
                                        "ar": "خطأ: يقيس نشاط الجمعية لا أثره على الأطفال.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": "The number of books bought for the sessions",
                                        "fr": "Le nombre de livres achetés pour les séances",
                                        "ar": "عدد الكتب المقتناة للحصص",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": "No: it is a means, not a result.",
                                        "fr": "Non : c'est un moyen, pas un résultat.",
                                        "ar": "خطأ: هذه وسيلة وليست نتيجة.",
                                    },
                                },
                            ],
                        },
                        {
                            "text": {
                                "en": (
                                    "Which measures protect the children taking part? (several "
                                    "answers)"
                                ),
                                "fr": (
                                    "Quelles mesures protègent les enfants participants ? "
                                    "(plusieurs réponses)"
                                ),
                                "ar": "ما التدابير التي تحمي الأطفال المشاركين؟ (عدة أجوبة)",
                            },
                            "multiple": True,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "Checking, for every volunteer, the certificate "
                                            "required to work with minors"
                                        ),
                                        "fr": (
                                            "Vérifier, pour chaque bénévole, le certificat exigé "
                                            "pour travailler avec des mineurs"
                                        ),
                                        "ar": (
                                            "التحقق من الشهادة المطلوبة للعمل مع القاصرين لدى كل "
                                            "متطوع"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: it is compulsory in Spain and strongly "
                                            "recommended in Italy."
                                        ),
                                        "fr": (
                                            "Exact : c'est obligatoire en Espagne et vivement "
                                            "recommandé en Italie."
                                        ),
                                        "ar": (
                                            "صحيح: فذلك إلزامي في إسبانيا ويوصى به بشدة في "
                                            "إيطاليا."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "Obtaining the parents' written consent before "
                                            "enrolment"
                                        ),
                                        "fr": (
                                            "Obtenir l'accord écrit des parents avant "
                                            "l'inscription"
                                        ),
                                        "ar": "الحصول على موافقة كتابية من الآباء قبل التسجيل",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: parents must agree to their child's "
                                            "participation."
                                        ),
                                        "fr": (
                                            "Exact : les parents doivent accepter la "
                                            "participation de leur enfant."
                                        ),
                                        "ar": "صحيح: يجب أن يوافق الآباء على مشاركة أبنائهم.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "Keeping two adults present in the room during "
                                            "sessions"
                                        ),
                                        "fr": (
                                            "Assurer la présence de deux adultes dans la salle "
                                            "pendant les séances"
                                        ),
                                        "ar": "ضمان حضور شخصين راشدين في القاعة خلال الحصص",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: it protects both the children and the "
                                            "volunteers."
                                        ),
                                        "fr": (
                                            "Exact : cela protège à la fois les enfants et les "
                                            "bénévoles."
                                        ),
                                        "ar": "صحيح: فذلك يحمي الأطفال والمتطوعين معا.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "Publishing photos of the children on the "
                                            "association's public page without asking the parents"
                                        ),
                                        "fr": (
                                            "Publier des photos des enfants sur la page publique "
                                            "de l'association sans demander l'avis des parents"
                                        ),
                                        "ar": (
                                            "نشر صور الأطفال على الصفحة العمومية للجمعية دون "
                                            "استشارة الآباء"
                                        ),
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: photos of minors require the parents' consent "
                                            "and must not be published without it."
                                        ),
                                        "fr": (
                                            "Non : les photos de mineurs exigent l'accord des "
                                            "parents et ne doivent pas être publiées sans lui."
                                        ),
                                        "ar": (
                                            "خطأ: تتطلب صور القاصرين موافقة الآباء، ولا يجوز "
                                            "نشرها بدونها."
                                        ),
                                    },
                                },
                            ],
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "young-people-and-precarious-situations",
        "axis": "youth-and-precarious",
        "groups": ["young-people", "elderly-persons", "detainees"],
        "countries": ["be", "nl"],
        "level": "intermediate",
        "format": "in_person",
        "hours": 10,
        "certificate": True,
        "prerequisites": [],
        "tags": ["youth", "elderly persons", "detainees", "mentoring"],
        "title": {
            "en": "Supporting young people and persons in precarious situations",
            "fr": "Accompagner les jeunes et les personnes en situation de précarité",
            "ar": "مواكبة الشباب والأشخاص في وضعية هشة",
        },
        "summary": {
            "en": (
                "Practical approaches for associations in Belgium and the Netherlands that "
                "support young people at risk, isolated elderly persons and Moroccan detainees, "
                "together with the public services of the host country."
            ),
            "fr": (
                "Des approches pratiques pour les associations de Belgique et des Pays-Bas qui "
                "accompagnent des jeunes en difficulté, des personnes âgées isolées et des "
                "détenus marocains, avec les services publics du pays d'accueil."
            ),
            "ar": (
                "مقاربات عملية لفائدة الجمعيات العاملة في بلجيكا وهولندا التي تواكب الشباب في "
                "وضعية صعبة والمسنين المعزولين والسجناء المغاربة، بتنسيق مع المرافق العمومية لبلد "
                "الإقامة."
            ),
        },
        "objectives": {
            "en": [
                (
                    "Set up a mentoring scheme that helps young people back into school, training "
                    "or work."
                ),
                "Reach isolated elderly persons and help them access their rights and services.",
                (
                    "Support Moroccan detainees and their families within the rules of the prison "
                    "system."
                ),
            ],
            "fr": [
                (
                    "Mettre en place un parrainage qui aide les jeunes à reprendre une scolarité, "
                    "une formation ou un emploi."
                ),
                (
                    "Atteindre les personnes âgées isolées et les aider à accéder à leurs droits "
                    "et aux services."
                ),
                (
                    "Accompagner les détenus marocains et leurs familles dans le respect des "
                    "règles du système pénitentiaire."
                ),
            ],
            "ar": [
                "إرساء نظام للمرافقة يساعد الشباب على العودة إلى الدراسة أو التكوين أو العمل.",
                "الوصول إلى المسنين المعزولين ومساعدتهم على الاستفادة من حقوقهم ومن الخدمات.",
                "مواكبة السجناء المغاربة وأسرهم في احترام تام لقواعد المؤسسات السجنية.",
            ],
        },
        "lessons": [
            {
                "slug": "mentoring-young-people",
                "title": {
                    "en": "Mentoring young people out of school and work",
                    "fr": "Parrainer les jeunes sans école ni emploi",
                    "ar": "مرافقة الشباب غير المتمدرسين وغير العاملين",
                },
                "minutes": 25,
                "preview": True,
                "body": {
                    "en": [
                        (
                            "In cities such as Brussels, Antwerp, Rotterdam or Amsterdam, some "
                            "young people of Moroccan origin leave school without a diploma and "
                            "are neither in employment nor in training. A mentoring scheme pairs "
                            "each young person with an adult volunteer, often a professional who "
                            "grew up in the same neighbourhood, for regular meetings over six to "
                            "twelve months."
                        ),
                        (
                            "Mentors help the young person set a realistic goal, prepare a CV, "
                            "find an internship or return to training. Work with the services "
                            "that already exist: in Belgium, the public centres for social "
                            "welfare (CPAS/OCMW) and the regional employment services; in the "
                            "Netherlands, the municipality and its neighbourhood teams. Your "
                            "association brings trust and role models; the public services bring "
                            "the programmes and the rights."
                        ),
                    ],
                    "fr": [
                        (
                            "Dans des villes comme Bruxelles, Anvers, Rotterdam ou Amsterdam, "
                            "certains jeunes d'origine marocaine quittent l'école sans diplôme et "
                            "ne sont ni en emploi ni en formation. Un dispositif de parrainage "
                            "associe chaque jeune à un bénévole adulte, souvent un professionnel "
                            "qui a grandi dans le même quartier, pour des rencontres régulières "
                            "pendant six à douze mois."
                        ),
                        (
                            "Le parrain ou la marraine aide le jeune à se fixer un objectif "
                            "réaliste, à préparer un CV, à trouver un stage ou à reprendre une "
                            "formation. Travaillez avec les services qui existent déjà : en "
                            "Belgique, les centres publics d'action sociale (CPAS/OCMW) et les "
                            "services régionaux de l'emploi ; aux Pays-Bas, la commune et ses "
                            "équipes de quartier. Votre association apporte la confiance et des "
                            "modèles ; les services publics apportent les dispositifs et les "
                            "droits."
                        ),
                    ],
                    "ar": [
                        (
                            "في مدن مثل بروكسيل وأنتويرب وروتردام وأمستردام، يغادر بعض الشباب من "
                            "أصل مغربي المدرسة دون شهادة، ولا يعملون ولا يتابعون أي تكوين. ويقوم "
                            "نظام المرافقة على ربط كل شاب بمتطوع راشد، غالبا ما يكون مهنيا نشأ في "
                            "الحي نفسه، من أجل لقاءات منتظمة على مدى ستة إلى اثني عشر شهرا."
                        ),
                        (
                            "يساعد المرافق الشاب على تحديد هدف واقعي، وإعداد سيرة ذاتية، وإيجاد "
                            "تدريب أو العودة إلى التكوين. واشتغلوا مع المرافق القائمة: في بلجيكا "
                            "المراكز العمومية للعمل الاجتماعي والمصالح الجهوية للتشغيل، وفي "
                            "هولندا البلدية وفرق الأحياء التابعة لها. فجمعيتكم تقدم الثقة "
                            "والقدوة، والمرافق العمومية تقدم البرامج والحقوق."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Ask each pair to set a first goal that can be reached within a month, "
                        "such as an appointment at a training centre."
                    ),
                    "fr": (
                        "Demandez à chaque binôme de fixer un premier objectif atteignable en un "
                        "mois, comme un rendez-vous dans un centre de formation."
                    ),
                    "ar": (
                        "اطلبوا من كل ثنائي تحديد هدف أول يمكن بلوغه في غضون شهر، مثل موعد في "
                        "مركز للتكوين."
                    ),
                },
            },
            {
                "slug": "isolated-elderly-persons",
                "title": {
                    "en": "Reaching isolated elderly persons",
                    "fr": "Aller vers les personnes âgées isolées",
                    "ar": "الوصول إلى المسنين المعزولين",
                },
                "minutes": 25,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "Many Moroccans who came to Belgium and the Netherlands as workers in "
                            "the 1960s and 1970s are now elderly. Some live alone, read little "
                            "French, Dutch or even Arabic, and divide the year between the host "
                            "country and Morocco, which can complicate their pension, health "
                            "insurance and residence rights."
                        ),
                        (
                            "Go where they already are: mosques, cafés, markets and community "
                            "centres. Organise regular information sessions in Darija or "
                            "Tamazight with a social worker or a pension adviser, and offer "
                            "individual help with letters and online procedures. Home visits by "
                            "trained volunteers break isolation and reveal needs that nobody had "
                            "noticed."
                        ),
                        (
                            "Do not give legal advice you are not qualified to give: refer people "
                            "to the competent service and follow up to check that the problem was "
                            "solved. Keep a simple record of requests so that you can show the "
                            "funder how many persons were helped and on which issues."
                        ),
                    ],
                    "fr": [
                        (
                            "Beaucoup de Marocains arrivés en Belgique et aux Pays-Bas comme "
                            "travailleurs dans les années 1960 et 1970 sont aujourd'hui âgés. "
                            "Certains vivent seuls, lisent peu le français, le néerlandais ou "
                            "même l'arabe, et partagent l'année entre le pays d'accueil et le "
                            "Maroc, ce qui peut compliquer leurs droits à la pension, à "
                            "l'assurance maladie et au séjour."
                        ),
                        (
                            "Allez là où ils se trouvent déjà : mosquées, cafés, marchés et "
                            "maisons de quartier. Organisez des séances d'information régulières "
                            "en darija ou en tamazight avec un travailleur social ou un "
                            "conseiller pension, et proposez une aide individuelle pour les "
                            "courriers et les démarches en ligne. Les visites à domicile de "
                            "bénévoles formés rompent l'isolement et révèlent des besoins que "
                            "personne n'avait remarqués."
                        ),
                        (
                            "Ne donnez pas de conseils juridiques pour lesquels vous n'êtes pas "
                            "qualifiés : orientez les personnes vers le service compétent et "
                            "vérifiez ensuite que le problème a été réglé. Tenez un registre "
                            "simple des demandes pour pouvoir montrer au bailleur combien de "
                            "personnes ont été aidées et sur quelles questions."
                        ),
                    ],
                    "ar": [
                        (
                            "كثير من المغاربة الذين قدموا إلى بلجيكا وهولندا عمالا في ستينيات "
                            "القرن الماضي وسبعينياته أصبحوا اليوم مسنين. ويعيش بعضهم وحيدا، ولا "
                            "يحسن قراءة الفرنسية أو الهولندية بل حتى العربية أحيانا، ويقضي جزءا "
                            "من السنة في بلد الإقامة وجزءا آخر في المغرب، مما قد يعقد حقوقه في "
                            "المعاش والتأمين الصحي والإقامة."
                        ),
                        (
                            "اذهبوا إليهم حيث يوجدون: في المساجد والمقاهي والأسواق ودور الأحياء. "
                            "ونظموا جلسات إخبارية منتظمة بالدارجة أو بالأمازيغية بحضور مساعد "
                            "اجتماعي أو مستشار في شؤون المعاشات، وقدموا مساعدة فردية في المراسلات "
                            "والإجراءات الإلكترونية. كما أن الزيارات المنزلية التي يقوم بها "
                            "متطوعون مكونون تكسر العزلة وتكشف عن احتياجات لم ينتبه إليها أحد."
                        ),
                        (
                            "لا تقدموا استشارات قانونية لستم مؤهلين لها، بل وجهوا الأشخاص إلى "
                            "المصلحة المختصة، ثم تأكدوا لاحقا من حل المشكلة. واحتفظوا بسجل بسيط "
                            "للطلبات حتى تتمكنوا من أن تبينوا للممول عدد الأشخاص الذين تمت "
                            "مساعدتهم والقضايا التي همتهم."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Before each information session, check with the pension service the "
                        "rules on stays abroad that apply that year."
                    ),
                    "fr": (
                        "Avant chaque séance d'information, vérifiez auprès du service des "
                        "pensions les règles de séjour à l'étranger applicables cette année-là."
                    ),
                    "ar": (
                        "قبل كل جلسة إخبارية، تحققوا لدى مصلحة المعاشات من قواعد الإقامة بالخارج "
                        "المعمول بها في تلك السنة."
                    ),
                },
            },
            {
                "slug": "supporting-detainees",
                "title": {
                    "en": "Supporting detainees and their families",
                    "fr": "Accompagner les détenus et leurs familles",
                    "ar": "مواكبة السجناء وأسرهم",
                },
                "minutes": 30,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "Moroccan detainees in Belgian and Dutch prisons are often isolated: "
                            "families far away, little contact with the outside world, difficulty "
                            "understanding their case and their rights. An association can visit "
                            "them, help maintain the link with their families and prepare their "
                            "release, but only within a framework agreed with the prison "
                            "administration."
                        ),
                        (
                            "Start by contacting the prison's management and its social or "
                            "reintegration service, and agree on the rules: who may visit, how "
                            "often, what may be brought in. Coordinate with the Moroccan "
                            "consulate, which provides consular assistance to its nationals, and "
                            "with the organisations already active in the prison. Volunteers must "
                            "be trained in confidentiality and must never act as intermediaries "
                            "in the detainee's legal case."
                        ),
                        (
                            "Preparing release is where an association is most useful: housing, "
                            "identity documents, training, contact with the family and, when the "
                            "person returns to Morocco, a link with associations in the region of "
                            "origin. Measure what you do with simple indicators, such as the "
                            "number of people supported and of release plans prepared."
                        ),
                    ],
                    "fr": [
                        (
                            "Les détenus marocains dans les prisons belges et néerlandaises sont "
                            "souvent isolés : familles éloignées, peu de contacts avec "
                            "l'extérieur, difficulté à comprendre leur dossier et leurs droits. "
                            "Une association peut leur rendre visite, aider à maintenir le lien "
                            "avec leur famille et préparer leur sortie, mais uniquement dans un "
                            "cadre convenu avec l'administration pénitentiaire."
                        ),
                        (
                            "Commencez par contacter la direction de la prison et son service "
                            "social ou de réinsertion, et convenez des règles : qui peut visiter, "
                            "à quelle fréquence, ce qui peut être apporté. Coordonnez-vous avec "
                            "le consulat du Maroc, qui assure l'assistance consulaire à ses "
                            "ressortissants, et avec les organisations déjà actives dans la "
                            "prison. Les bénévoles doivent être formés à la confidentialité et ne "
                            "jamais servir d'intermédiaires dans le dossier judiciaire du détenu."
                        ),
                        (
                            "C'est dans la préparation de la sortie qu'une association est la "
                            "plus utile : logement, papiers d'identité, formation, contact avec "
                            "la famille et, lorsque la personne rentre au Maroc, lien avec des "
                            "associations de la région d'origine. Mesurez votre action avec des "
                            "indicateurs simples, comme le nombre de personnes accompagnées et de "
                            "projets de sortie préparés."
                        ),
                    ],
                    "ar": [
                        (
                            "كثيرا ما يعاني السجناء المغاربة في السجون البلجيكية والهولندية من "
                            "العزلة: أسر بعيدة، واتصال محدود بالعالم الخارجي، وصعوبة في فهم "
                            "ملفاتهم وحقوقهم. ويمكن للجمعية أن تزورهم، وأن تساعد على الحفاظ على "
                            "صلتهم بأسرهم، وأن تهيئ لخروجهم، لكن فقط في إطار متفق عليه مع إدارة "
                            "السجن."
                        ),
                        (
                            "ابدؤوا بالاتصال بإدارة السجن ومصلحتها الاجتماعية أو مصلحة إعادة "
                            "الإدماج، واتفقوا على القواعد: من يحق له الزيارة، وبأي وتيرة، وما "
                            "الذي يسمح بإدخاله. ونسقوا مع القنصلية المغربية التي تقدم المساعدة "
                            "القنصلية لمواطنيها، ومع الهيئات الناشطة أصلا داخل السجن. ويجب تكوين "
                            "المتطوعين على احترام السرية، وألا يكونوا أبدا وسطاء في الملف القضائي "
                            "للسجين."
                        ),
                        (
                            "وتكون الجمعية أكثر نفعا في مرحلة التهيئة للإفراج: السكن، ووثائق "
                            "الهوية، والتكوين، والتواصل مع الأسرة، وعند عودة الشخص إلى المغرب، "
                            "ربط الصلة مع جمعيات في منطقته الأصلية. وقيسوا عملكم بمؤشرات بسيطة، "
                            "مثل عدد الأشخاص المستفيدين من المواكبة وعدد مشاريع ما بعد الإفراج "
                            "التي تم إعدادها."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Never carry a letter, an object or a message for a detainee outside the "
                        "channels allowed by the prison."
                    ),
                    "fr": (
                        "Ne transportez jamais une lettre, un objet ou un message pour un détenu "
                        "en dehors des canaux autorisés par la prison."
                    ),
                    "ar": (
                        "لا تحملوا أبدا رسالة أو غرضا أو خبرا لسجين خارج القنوات التي تسمح بها "
                        "إدارة السجن."
                    ),
                },
                "quiz": {
                    "title": {
                        "en": "Final quiz: young people and precarious situations",
                        "fr": "Quiz final : jeunes et situations de précarité",
                        "ar": "الاختبار النهائي: الشباب والوضعيات الهشة",
                    },
                    "pass_mark": 70,
                    "max_attempts": 3,
                    "questions": [
                        {
                            "text": {
                                "en": (
                                    "Your association wants to start visiting Moroccan detainees "
                                    "in a prison near Antwerp. What is the first step?"
                                ),
                                "fr": (
                                    "Votre association veut commencer à rendre visite à des "
                                    "détenus marocains dans une prison près d'Anvers. Quelle est "
                                    "la première étape ?"
                                ),
                                "ar": (
                                    "تريد جمعيتكم الشروع في زيارة سجناء مغاربة في سجن قرب "
                                    "أنتويرب. ما الخطوة الأولى؟"
                                ),
                            },
                            "multiple": False,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "Contact the prison's management and social service "
                                            "to agree on a framework for the visits"
                                        ),
                                        "fr": (
                                            "Contacter la direction et le service social de la "
                                            "prison pour convenir d'un cadre pour les visites"
                                        ),
                                        "ar": (
                                            "الاتصال بإدارة السجن ومصلحتها الاجتماعية للاتفاق على "
                                            "إطار للزيارات"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: any action in prison must be agreed with "
                                            "the prison administration."
                                        ),
                                        "fr": (
                                            "Exact : toute action en prison doit être convenue "
                                            "avec l'administration pénitentiaire."
                                        ),
                                        "ar": (
                                            "صحيح: يجب الاتفاق على كل تدخل داخل السجن مع إدارة "
                                            "السجن."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "Ask the detainees' families to bring volunteers with "
                                            "them during family visits"
                                        ),
                                        "fr": (
                                            "Demander aux familles de faire entrer des bénévoles "
                                            "lors des visites familiales"
                                        ),
                                        "ar": (
                                            "مطالبة أسر السجناء باصطحاب متطوعين خلال الزيارات "
                                            "العائلية"
                                        ),
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: this bypasses the prison's rules and puts the "
                                            "families and the association at risk."
                                        ),
                                        "fr": (
                                            "Non : cela contourne les règles de la prison et met "
                                            "en danger les familles et l'association."
                                        ),
                                        "ar": (
                                            "خطأ: هذا التفاف على قواعد السجن ويعرض الأسر والجمعية "
                                            "للخطر."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": "Offer the detainees advice on their court cases",
                                        "fr": "Proposer aux détenus des conseils sur leur procès",
                                        "ar": "تقديم نصائح للسجناء بشأن قضاياهم أمام المحكمة",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: volunteers must not intervene in the legal case; "
                                            "that is the lawyer's role."
                                        ),
                                        "fr": (
                                            "Non : les bénévoles ne doivent pas intervenir dans "
                                            "le dossier judiciaire, c'est le rôle de l'avocat."
                                        ),
                                        "ar": (
                                            "خطأ: لا يجوز للمتطوعين التدخل في الملف القضائي، فذلك "
                                            "دور المحامي."
                                        ),
                                    },
                                },
                            ],
                        },
                        {
                            "text": {
                                "en": (
                                    "Which partners are relevant for a project supporting "
                                    "isolated elderly Moroccans in Belgium? (several answers)"
                                ),
                                "fr": (
                                    "Quels partenaires sont pertinents pour un projet "
                                    "d'accompagnement de personnes âgées marocaines isolées en "
                                    "Belgique ? (plusieurs réponses)"
                                ),
                                "ar": (
                                    "ما الشركاء المناسبون لمشروع يواكب المسنين المغاربة المعزولين "
                                    "في بلجيكا؟ (عدة أجوبة)"
                                ),
                            },
                            "multiple": True,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "The public centre for social welfare (CPAS/OCMW) of "
                                            "the municipality"
                                        ),
                                        "fr": (
                                            "Le centre public d'action sociale (CPAS/OCMW) de la "
                                            "commune"
                                        ),
                                        "ar": "المركز العمومي للعمل الاجتماعي التابع للبلدية",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: it handles social assistance and can guide "
                                            "elderly persons."
                                        ),
                                        "fr": (
                                            "Exact : il gère l'aide sociale et peut orienter les "
                                            "personnes âgées."
                                        ),
                                        "ar": (
                                            "صحيح: فهو يتولى المساعدة الاجتماعية ويمكنه توجيه "
                                            "المسنين."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "The pension service, for information sessions on "
                                            "rights and stays abroad"
                                        ),
                                        "fr": (
                                            "Le service des pensions, pour des séances "
                                            "d'information sur les droits et les séjours à "
                                            "l'étranger"
                                        ),
                                        "ar": (
                                            "مصلحة المعاشات، لتنظيم جلسات إخبارية حول الحقوق "
                                            "والإقامة بالخارج"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: it knows the rules that apply to pensioners "
                                            "who live part of the year in Morocco."
                                        ),
                                        "fr": (
                                            "Exact : il connaît les règles applicables aux "
                                            "retraités qui vivent une partie de l'année au Maroc."
                                        ),
                                        "ar": (
                                            "صحيح: فهي تعرف القواعد المطبقة على المتقاعدين الذين "
                                            "يقضون جزءا من السنة في المغرب."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": "The Moroccan consulate",
                                        "fr": "Le consulat du Maroc",
                                        "ar": "القنصلية المغربية",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: it can help with Moroccan documents and "
                                            "procedures."
                                        ),
                                        "fr": (
                                            "Exact : il peut aider pour les documents et "
                                            "démarches marocains."
                                        ),
                                        "ar": (
                                            "صحيح: يمكنها المساعدة في الوثائق والإجراءات المغربية."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "A travel agency that offers to fund the sessions in "
                                            "exchange for selling tickets during them"
                                        ),
                                        "fr": (
                                            "Une agence de voyages qui propose de financer les "
                                            "séances en échange de la vente de billets pendant "
                                            "celles-ci"
                                        ),
                                        "ar": (
                                            "وكالة أسفار تعرض تمويل الجلسات مقابل بيع التذاكر "
                                            "خلالها"
                                        ),
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: selling products to vulnerable persons during "
                                            "the sessions creates a conflict of interest."
                                        ),
                                        "fr": (
                                            "Non : vendre des produits à des personnes "
                                            "vulnérables pendant les séances crée un conflit "
                                            "d'intérêts."
                                        ),
                                        "ar": (
                                            "خطأ: بيع منتجات لأشخاص في وضعية هشة خلال الجلسات "
                                            "يخلق تضاربا في المصالح."
                                        ),
                                    },
                                },
                            ],
                        },
                        {
                            "text": {
                                "en": (
                                    "What is the main role of a mentor in a mentoring scheme for "
                                    "young people?"
                                ),
                                "fr": (
                                    "Quel est le rôle principal d'un parrain dans un dispositif "
                                    "de parrainage de jeunes ?"
                                ),
                                "ar": "ما الدور الرئيسي للمرافق في نظام مرافقة الشباب؟",
                            },
                            "multiple": False,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "Help the young person set a realistic goal and "
                                            "connect with existing services"
                                        ),
                                        "fr": (
                                            "Aider le jeune à se fixer un objectif réaliste et à "
                                            "se mettre en lien avec les services existants"
                                        ),
                                        "ar": (
                                            "مساعدة الشاب على تحديد هدف واقعي والتواصل مع المرافق "
                                            "القائمة"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: the mentor guides and connects; the public "
                                            "services provide the programmes."
                                        ),
                                        "fr": (
                                            "Exact : le parrain guide et met en relation ; les "
                                            "services publics apportent les dispositifs."
                                        ),
                                        "ar": (
                                            "صحيح: المرافق يوجه ويربط الصلة، والمرافق العمومية "
                                            "تقدم البرامج."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": "Replace the public employment service",
                                        "fr": "Remplacer le service public de l'emploi",
                                        "ar": "الحلول محل المرفق العمومي للتشغيل",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: the association works with the public services, "
                                            "not instead of them."
                                        ),
                                        "fr": (
                                            "Non : l'association travaille avec les services "
                                            "publics, pas à leur place."
                                        ),
                                        "ar": "خطأ: تعمل الجمعية مع المرافق العمومية لا مكانها.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "Choose a training course for the young person "
                                            "without consulting them"
                                        ),
                                        "fr": (
                                            "Choisir une formation à la place du jeune, sans le "
                                            "consulter"
                                        ),
                                        "ar": "اختيار تكوين للشاب دون استشارته",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: the goal must be the young person's own, or it "
                                            "will not hold."
                                        ),
                                        "fr": (
                                            "Non : l'objectif doit être celui du jeune, sinon il "
                                            "ne tiendra pas."
                                        ),
                                        "ar": (
                                            "خطأ: يجب أن يكون الهدف نابعا من الشاب نفسه، وإلا فلن "
                                            "يصمد."
                                        ),
                                    },
                                },
                            ],
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "cultural-projects-link-with-morocco",
        "axis": "cultural-link",
        "groups": ["children", "young-people"],
        "countries": [],
        "level": "beginner",
        "format": "online",
        "hours": 4,
        "certificate": False,
        "prerequisites": [],
        "tags": ["culture", "heritage", "youth", "languages"],
        "title": {
            "en": "Cultural projects that strengthen the link with Morocco",
            "fr": "Des projets culturels qui renforcent le lien avec le Maroc",
            "ar": "مشاريع ثقافية تعزز الارتباط بالمغرب",
        },
        "summary": {
            "en": (
                "Go beyond the one-off festival: design cultural projects that help children and "
                "young people born abroad discover the diversity of Moroccan heritage and build "
                "lasting links with Morocco."
            ),
            "fr": (
                "Aller au-delà de la fête ponctuelle : concevoir des projets culturels qui aident "
                "les enfants et les jeunes nés à l'étranger à découvrir la diversité du "
                "patrimoine marocain et à tisser des liens durables avec le Maroc."
            ),
            "ar": (
                "تجاوز الاحتفال العابر نحو تصميم مشاريع ثقافية تساعد الأطفال والشباب المولودين "
                "بالخارج على اكتشاف تنوع التراث المغربي وبناء روابط دائمة مع المغرب."
            ),
        },
        "objectives": {
            "en": [
                "Define a cultural project with a clear objective for a specific audience.",
                "Involve cultural partners in the host country and in Morocco.",
                "Measure participation and the strengthening of the link with Morocco.",
            ],
            "fr": [
                "Définir un projet culturel avec un objectif clair pour un public précis.",
                "Associer des partenaires culturels dans le pays d'accueil et au Maroc.",
                "Mesurer la participation et le renforcement du lien avec le Maroc.",
            ],
            "ar": [
                "تحديد مشروع ثقافي بهدف واضح موجه لفئة محددة.",
                "إشراك شركاء ثقافيين في بلد الإقامة وفي المغرب.",
                "قياس المشاركة ومدى تعزيز الارتباط بالمغرب.",
            ],
        },
        "lessons": [
            {
                "slug": "from-festival-to-project",
                "title": {
                    "en": "From a festival to a cultural project",
                    "fr": "De la fête au projet culturel",
                    "ar": "من الاحتفال إلى المشروع الثقافي",
                },
                "minutes": 20,
                "preview": True,
                "body": {
                    "en": [
                        (
                            "Many associations organise a yearly celebration with music and food. "
                            "It is valuable, but it is an event, not a project: a cultural "
                            "project pursues a change for a defined audience over several months, "
                            "for example teenagers in a city who know little about their parents' "
                            "country."
                        ),
                        (
                            "Draw on the diversity of Moroccan identity, which the Constitution "
                            "describes as united by the convergence of its Arab-Islamic, Amazigh "
                            "and Saharan-Hassani components and enriched by its African, "
                            "Andalusian, Hebrew and Mediterranean influences. Possible activities "
                            "include workshops in Arabic or Tamazight, storytelling and oral "
                            "memory collected from grandparents, music, calligraphy, or a podcast "
                            "made by young people."
                        ),
                    ],
                    "fr": [
                        (
                            "Beaucoup d'associations organisent chaque année une fête avec "
                            "musique et cuisine. C'est précieux, mais c'est un événement, pas un "
                            "projet : un projet culturel vise un changement pour un public défini "
                            "sur plusieurs mois, par exemple des adolescents d'une ville qui "
                            "connaissent peu le pays de leurs parents."
                        ),
                        (
                            "Appuyez-vous sur la diversité de l'identité marocaine, que la "
                            "Constitution décrit comme forgée par la convergence de ses "
                            "composantes arabo-islamique, amazighe et saharo-hassanie, et "
                            "enrichie de ses affluents africain, andalou, hébraïque et "
                            "méditerranéen. Parmi les activités possibles : ateliers d'arabe ou "
                            "de tamazight, contes et mémoire orale recueillie auprès des "
                            "grands-parents, musique, calligraphie, ou un podcast réalisé par des "
                            "jeunes."
                        ),
                    ],
                    "ar": [
                        (
                            "تنظم جمعيات كثيرة احتفالا سنويا تحضر فيه الموسيقى والطبخ. وهو أمر "
                            "قيم، لكنه حدث وليس مشروعا: فالمشروع الثقافي يسعى إلى إحداث تغيير لدى "
                            "فئة محددة على مدى عدة أشهر، كالمراهقين في مدينة ما الذين لا يعرفون "
                            "إلا القليل عن بلد آبائهم."
                        ),
                        (
                            "استندوا إلى تنوع الهوية المغربية التي يصفها الدستور بأنها موحدة "
                            "بانصهار كل مكوناتها العربية الإسلامية والأمازيغية والصحراوية "
                            "الحسانية، والغنية بروافدها الإفريقية والأندلسية والعبرية والمتوسطية. "
                            "ومن الأنشطة الممكنة: ورشات في اللغة العربية أو الأمازيغية، والحكاية "
                            "الشعبية والذاكرة الشفهية المستقاة من الأجداد، والموسيقى، والخط "
                            "العربي، أو بودكاست ينتجه الشباب."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Let the young people choose the final production themselves: they will "
                        "stay until the end."
                    ),
                    "fr": (
                        "Laissez les jeunes choisir eux-mêmes la production finale : ils "
                        "resteront jusqu'au bout."
                    ),
                    "ar": (
                        "اتركوا للشباب اختيار الإنتاج النهائي بأنفسهم، فذلك يضمن بقاءهم حتى "
                        "النهاية."
                    ),
                },
            },
            {
                "slug": "partners-and-audiences",
                "title": {
                    "en": "Partners and audiences",
                    "fr": "Partenaires et publics",
                    "ar": "الشركاء والجمهور",
                },
                "minutes": 20,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "In the host country, public libraries, museums, music schools and "
                            "the cultural services of the municipality can lend rooms, co-fund "
                            "activities and bring in audiences beyond the Moroccan community. A "
                            "project that also reaches neighbours of other origins is often "
                            "easier to fund locally."
                        ),
                        (
                            "In Morocco, look for partners such as youth centres, cultural "
                            "associations, artists and regional cultural institutions. Online "
                            "exchanges between young people here and there, followed by a visit "
                            "or a joint production, give the project a living link with the "
                            "country rather than a picture of the past."
                        ),
                    ],
                    "fr": [
                        (
                            "Dans le pays d'accueil, les bibliothèques publiques, les musées, les "
                            "écoles de musique et les services culturels de la commune peuvent "
                            "prêter des salles, cofinancer des activités et attirer un public "
                            "au-delà de la communauté marocaine. Un projet qui touche aussi des "
                            "voisins d'autres origines est souvent plus facile à financer "
                            "localement."
                        ),
                        (
                            "Au Maroc, cherchez des partenaires comme les maisons de jeunes, les "
                            "associations culturelles, les artistes et les institutions "
                            "culturelles régionales. Des échanges en ligne entre jeunes d'ici et "
                            "de là-bas, suivis d'une visite ou d'une production commune, donnent "
                            "au projet un lien vivant avec le pays plutôt qu'une image du passé."
                        ),
                    ],
                    "ar": [
                        (
                            "في بلد الإقامة، يمكن للمكتبات العمومية والمتاحف ومدارس الموسيقى "
                            "والمصالح الثقافية للبلدية أن تعير القاعات، وتساهم في تمويل الأنشطة، "
                            "وتستقطب جمهورا يتجاوز الجالية المغربية. وغالبا ما يكون تمويل المشروع "
                            "محليا أيسر إذا كان يصل أيضا إلى جيران من أصول أخرى."
                        ),
                        (
                            "وفي المغرب، ابحثوا عن شركاء مثل دور الشباب والجمعيات الثقافية "
                            "والفنانين والمؤسسات الثقافية الجهوية. فالتبادل عبر الإنترنت بين شباب "
                            "هنا وهناك، متبوعا بزيارة أو بإنتاج مشترك، يمنح المشروع صلة حية "
                            "بالبلد بدل صورة عن الماضي."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Write your communication in the host country's language and in Arabic, "
                        "so that both parents and partners can read it."
                    ),
                    "fr": (
                        "Rédigez votre communication dans la langue du pays d'accueil et en "
                        "arabe, pour que parents et partenaires puissent la lire."
                    ),
                    "ar": (
                        "أعدوا مواد التواصل بلغة بلد الإقامة وباللغة العربية، حتى يتمكن الآباء "
                        "والشركاء من قراءتها."
                    ),
                },
            },
            {
                "slug": "showing-cultural-results",
                "title": {
                    "en": "Showing the results of a cultural project",
                    "fr": "Montrer les résultats d'un projet culturel",
                    "ar": "إبراز نتائج مشروع ثقافي",
                },
                "minutes": 20,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "Cultural results can be measured. Count the participants and how "
                            "many came to most sessions, the share of young people under 25 and "
                            "the number of first-time participants. Describe the productions: an "
                            "exhibition, a recorded concert, a podcast series, a booklet of "
                            "collected stories."
                        ),
                        (
                            "To measure the link with Morocco, ask the same short questions at "
                            "the start and at the end: what participants know about a region, a "
                            "tradition or a language of Morocco, and whether they wish to visit "
                            "or take part in an exchange. Then document the project as a case "
                            "study, so that other associations can reuse what worked."
                        ),
                    ],
                    "fr": [
                        (
                            "Les résultats culturels se mesurent. Comptez les participants et "
                            "ceux qui ont suivi la plupart des séances, la part des jeunes de "
                            "moins de 25 ans et le nombre de personnes qui participent pour la "
                            "première fois. Décrivez les productions : une exposition, un concert "
                            "enregistré, une série de podcasts, un livret de récits recueillis."
                        ),
                        (
                            "Pour mesurer le lien avec le Maroc, posez les mêmes questions "
                            "courtes au début et à la fin : ce que les participants savent d'une "
                            "région, d'une tradition ou d'une langue du Maroc, et s'ils "
                            "souhaitent s'y rendre ou participer à un échange. Documentez ensuite "
                            "le projet sous forme d'étude de cas, pour que d'autres associations "
                            "puissent reprendre ce qui a marché."
                        ),
                    ],
                    "ar": [
                        (
                            "يمكن قياس النتائج الثقافية. احسبوا عدد المشاركين وعدد من حضروا أغلب "
                            "الحصص، ونسبة الشباب الذين تقل أعمارهم عن 25 سنة، وعدد المشاركين لأول "
                            "مرة. وصفوا الإنتاجات: معرض، أو حفل موسيقي مسجل، أو سلسلة بودكاست، أو "
                            "كتيب يضم الحكايات المجمعة."
                        ),
                        (
                            "ولقياس الارتباط بالمغرب، اطرحوا الأسئلة القصيرة نفسها في البداية "
                            "والنهاية: ماذا يعرف المشاركون عن منطقة أو تقليد أو لغة من المغرب، "
                            "وهل يرغبون في زيارته أو المشاركة في تبادل. ثم وثقوا المشروع في شكل "
                            "دراسة حالة، حتى تتمكن جمعيات أخرى من الاستفادة مما نجح."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Keep the questionnaire to five questions and have it filled in during a "
                        "session, not by email."
                    ),
                    "fr": (
                        "Limitez le questionnaire à cinq questions et faites-le remplir pendant "
                        "une séance, pas par courriel."
                    ),
                    "ar": (
                        "اقتصروا في الاستبيان على خمسة أسئلة، واطلبوا ملأه خلال إحدى الحصص لا عبر "
                        "البريد الإلكتروني."
                    ),
                },
                "quiz": {
                    "title": {
                        "en": "Final quiz: cultural projects",
                        "fr": "Quiz final : projets culturels",
                        "ar": "الاختبار النهائي: المشاريع الثقافية",
                    },
                    "pass_mark": 70,
                    "max_attempts": 0,
                    "questions": [
                        {
                            "text": {
                                "en": (
                                    "Which of these is a cultural project rather than a one-off "
                                    "event?"
                                ),
                                "fr": (
                                    "Lequel de ces exemples est un projet culturel et non un "
                                    "événement ponctuel ?"
                                ),
                                "ar": "أي من هذه الأمثلة مشروع ثقافي وليس حدثا عابرا؟",
                            },
                            "multiple": False,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "Eight months of workshops in which teenagers record "
                                            "their grandparents' memories and publish a podcast"
                                        ),
                                        "fr": (
                                            "Huit mois d'ateliers où des adolescents recueillent "
                                            "la mémoire de leurs grands-parents et publient un "
                                            "podcast"
                                        ),
                                        "ar": (
                                            "ثمانية أشهر من الورشات يسجل خلالها مراهقون ذكريات "
                                            "أجدادهم وينشرون بودكاست"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: it targets a defined audience over time and "
                                            "leads to a production."
                                        ),
                                        "fr": (
                                            "Exact : il vise un public défini dans la durée et "
                                            "aboutit à une production."
                                        ),
                                        "ar": (
                                            "صحيح: فهو يستهدف فئة محددة على مدى زمني ويفضي إلى "
                                            "إنتاج."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": "A one-evening concert for the national holiday",
                                        "fr": "Un concert d'un soir pour la fête nationale",
                                        "ar": "حفل موسيقي لليلة واحدة بمناسبة العيد الوطني",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: it is a worthwhile event, but it does not pursue "
                                            "a change over time."
                                        ),
                                        "fr": (
                                            "Non : c'est un événement utile, mais il ne vise pas "
                                            "un changement dans la durée."
                                        ),
                                        "ar": (
                                            "خطأ: إنه حدث مفيد، لكنه لا يسعى إلى إحداث تغيير على "
                                            "مدى زمني."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": "Buying traditional costumes for the association",
                                        "fr": (
                                            "L'achat de costumes traditionnels pour l'association"
                                        ),
                                        "ar": "اقتناء أزياء تقليدية للجمعية",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": "No: it is a purchase, not a project.",
                                        "fr": "Non : c'est un achat, pas un projet.",
                                        "ar": "خطأ: هذه عملية اقتناء وليست مشروعا.",
                                    },
                                },
                            ],
                        },
                        {
                            "text": {
                                "en": (
                                    "Which indicators help show that the project strengthened the "
                                    "link with Morocco? (several answers)"
                                ),
                                "fr": (
                                    "Quels indicateurs aident à montrer que le projet a renforcé "
                                    "le lien avec le Maroc ? (plusieurs réponses)"
                                ),
                                "ar": (
                                    "ما المؤشرات التي تساعد على إبراز أن المشروع عزز الارتباط "
                                    "بالمغرب؟ (عدة أجوبة)"
                                ),
                            },
                            "multiple": True,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "The change between start and end in what "
                                            "participants know about Moroccan regions and "
                                            "traditions"
                                        ),
                                        "fr": (
                                            "L'évolution, entre le début et la fin, de ce que les "
                                            "participants savent des régions et traditions du "
                                            "Maroc"
                                        ),
                                        "ar": (
                                            "تطور معارف المشاركين حول مناطق المغرب وتقاليده بين "
                                            "البداية والنهاية"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: comparing start and end shows what was "
                                            "learned."
                                        ),
                                        "fr": (
                                            "Exact : la comparaison entre début et fin montre ce "
                                            "qui a été appris."
                                        ),
                                        "ar": (
                                            "صحيح: المقارنة بين البداية والنهاية تبين ما تم تعلمه."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "The number of participants who take part in an "
                                            "exchange with young people in Morocco"
                                        ),
                                        "fr": (
                                            "Le nombre de participants qui prennent part à un "
                                            "échange avec des jeunes au Maroc"
                                        ),
                                        "ar": (
                                            "عدد المشاركين الذين انخرطوا في تبادل مع شباب في "
                                            "المغرب"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": "Correct: it shows a concrete and lasting link.",
                                        "fr": "Exact : il montre un lien concret et durable.",
                                        "ar": "صحيح: فهو يبين صلة ملموسة ودائمة.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": "The amount spent on catering",
                                        "fr": "Le montant dépensé pour la restauration",
                                        "ar": "المبلغ المصروف على الإطعام",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": "No: it is a cost, not a result.",
                                        "fr": "Non : c'est un coût, pas un résultat.",
                                        "ar": "خطأ: هذه كلفة وليست نتيجة.",
                                    },
                                },
                            ],
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "women-living-abroad-gulf",
        "axis": "women-conditions",
        "groups": ["women"],
        "countries": ["ae", "sa", "qa"],
        "level": "intermediate",
        "format": "online",
        "hours": 6,
        "certificate": True,
        "prerequisites": [],
        "tags": ["women", "rights", "orientation", "economic autonomy"],
        "title": {
            "en": "Improving the conditions of women living abroad",
            "fr": "Améliorer les conditions des femmes vivant à l'étranger",
            "ar": "تحسين أوضاع النساء المقيمات بالخارج",
        },
        "summary": {
            "en": (
                "For associations and community groups in the Gulf states: listen to Moroccan "
                "women, inform them of their rights, refer them to the right services and support "
                "their economic autonomy."
            ),
            "fr": (
                "Pour les associations et groupes communautaires des pays du Golfe : écouter les "
                "femmes marocaines, les informer de leurs droits, les orienter vers les bons "
                "services et soutenir leur autonomie économique."
            ),
            "ar": (
                "لفائدة الجمعيات ومجموعات الجالية في دول الخليج: الإنصات إلى النساء المغربيات، "
                "وإخبارهن بحقوقهن، وتوجيههن نحو المصالح المختصة، ودعم استقلاليتهن الاقتصادية."
            ),
        },
        "objectives": {
            "en": [
                (
                    "Identify the needs of Moroccan women in the Gulf states while respecting "
                    "their confidentiality."
                ),
                (
                    "Organise information and referral towards the consulate and the competent "
                    "local services."
                ),
                "Design activities that strengthen women's skills and economic autonomy.",
            ],
            "fr": [
                (
                    "Identifier les besoins des femmes marocaines dans les pays du Golfe dans le "
                    "respect de leur confidentialité."
                ),
                (
                    "Organiser l'information et l'orientation vers le consulat et les services "
                    "locaux compétents."
                ),
                (
                    "Concevoir des activités qui renforcent les compétences et l'autonomie "
                    "économique des femmes."
                ),
            ],
            "ar": [
                "تحديد احتياجات النساء المغربيات في دول الخليج مع احترام سرية معطياتهن.",
                "تنظيم الإخبار والتوجيه نحو القنصلية والمصالح المحلية المختصة.",
                "تصميم أنشطة تعزز كفاءات النساء واستقلاليتهن الاقتصادية.",
            ],
        },
        "lessons": [
            {
                "slug": "listening-to-women",
                "title": {
                    "en": "Listening to women's needs",
                    "fr": "Écouter les besoins des femmes",
                    "ar": "الإنصات لاحتياجات النساء",
                },
                "minutes": 20,
                "preview": True,
                "body": {
                    "en": [
                        (
                            "Moroccan women in the United Arab Emirates, Saudi Arabia and Qatar "
                            "live and work in very different situations: professionals, employees "
                            "in hotels, shops and beauty salons, domestic workers, or spouses who "
                            "came through family reunification. Their residence often depends on "
                            "an employer or a spouse, and many have few opportunities to meet "
                            "other women outside work."
                        ),
                        (
                            "Listen before proposing activities. Short individual interviews, "
                            "discussion groups held on the weekly day off and an anonymous "
                            "questionnaire that can be filled in on a phone help identify the "
                            "main concerns: employment contracts, health, children's schooling, "
                            "isolation, preparing a return to Morocco. Ask only what you need, "
                            "and never write names next to sensitive answers."
                        ),
                        (
                            "In the Gulf states, community action takes place within frameworks "
                            "recognised by the local authorities, and the consulate often plays a "
                            "central role. Check what your status allows before organising an "
                            "activity, and work in coordination with the consulate from the "
                            "start."
                        ),
                    ],
                    "fr": [
                        (
                            "Les femmes marocaines aux Émirats arabes unis, en Arabie saoudite et "
                            "au Qatar vivent et travaillent dans des situations très différentes "
                            ": cadres, employées d'hôtels, de commerces et de salons de beauté, "
                            "travailleuses domestiques, ou épouses arrivées par regroupement "
                            "familial. Leur séjour dépend souvent d'un employeur ou d'un "
                            "conjoint, et beaucoup ont peu d'occasions de rencontrer d'autres "
                            "femmes en dehors du travail."
                        ),
                        (
                            "Écoutez avant de proposer des activités. De courts entretiens "
                            "individuels, des groupes de discussion le jour de repos hebdomadaire "
                            "et un questionnaire anonyme à remplir sur téléphone aident à repérer "
                            "les principales préoccupations : contrats de travail, santé, "
                            "scolarité des enfants, isolement, préparation d'un retour au Maroc. "
                            "Ne demandez que ce qui est nécessaire et n'inscrivez jamais de noms "
                            "à côté de réponses sensibles."
                        ),
                        (
                            "Dans les pays du Golfe, l'action communautaire s'exerce dans des "
                            "cadres reconnus par les autorités locales, et le consulat joue "
                            "souvent un rôle central. Vérifiez ce que votre statut permet avant "
                            "d'organiser une activité, et travaillez en coordination avec le "
                            "consulat dès le départ."
                        ),
                    ],
                    "ar": [
                        (
                            "تعيش النساء المغربيات في الإمارات العربية المتحدة والمملكة العربية "
                            "السعودية وقطر ويعملن في أوضاع متباينة جدا: أطر، ومستخدمات في الفنادق "
                            "والمتاجر وصالونات التجميل، وعاملات منزليات، أو زوجات قدمن في إطار "
                            "التجمع العائلي. وكثيرا ما ترتبط إقامتهن بمشغل أو بزوج، ولا تتاح "
                            "لكثيرات منهن إلا فرص قليلة للقاء نساء أخريات خارج العمل."
                        ),
                        (
                            "أنصتوا قبل اقتراح الأنشطة. فالمقابلات الفردية القصيرة، ومجموعات "
                            "النقاش التي تنظم يوم العطلة الأسبوعية، والاستبيان المجهول الهوية "
                            "الذي يمكن ملؤه على الهاتف، كلها تساعد على تحديد الانشغالات الرئيسية: "
                            "عقود العمل، والصحة، وتمدرس الأطفال، والعزلة، والتحضير للعودة إلى "
                            "المغرب. ولا تطلبوا إلا ما تحتاجون إليه، ولا تدونوا أبدا الأسماء إلى "
                            "جانب الأجوبة الحساسة."
                        ),
                        (
                            "في دول الخليج، يمارس العمل الجمعوي داخل الجالية في أطر تعترف بها "
                            "السلطات المحلية، وكثيرا ما تضطلع القنصلية بدور محوري. فتحققوا مما "
                            "يسمح به وضعكم القانوني قبل تنظيم أي نشاط، واعملوا بتنسيق مع القنصلية "
                            "منذ البداية."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Schedule meetings on the weekly day off, in a place that is easy and "
                        "safe to reach."
                    ),
                    "fr": (
                        "Prévoyez les rencontres le jour de repos hebdomadaire, dans un lieu "
                        "facile et sûr d'accès."
                    ),
                    "ar": "برمجوا اللقاءات يوم العطلة الأسبوعية، في مكان يسهل الوصول إليه بأمان.",
                },
            },
            {
                "slug": "information-and-referral",
                "title": {
                    "en": "Informing and referring to the right services",
                    "fr": "Informer et orienter vers les bons services",
                    "ar": "الإخبار والتوجيه نحو المصالح المختصة",
                },
                "minutes": 25,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "Information sessions are often the most requested activity: what an "
                            "employment contract must contain, how to keep copies of one's "
                            "documents, how to use the official complaint channels of the host "
                            "country's labour authorities, which services the consulate provides. "
                            "Invite people who are qualified to answer, such as a volunteer "
                            "lawyer, a consular officer or a health professional."
                        ),
                        (
                            "Volunteers are neither lawyers nor social workers. Their role is to "
                            "listen, give reliable information and refer each woman, with her "
                            "consent, to the competent service: the consulate, the host country's "
                            "official labour or family services, a doctor. Prepare a short, "
                            "up-to-date directory of these contacts and check it every six "
                            "months."
                        ),
                        (
                            "Confidentiality protects both the women and the association. Keep "
                            "files in a secure place with restricted access, share information "
                            "with a partner only with the woman's agreement, and never discuss "
                            "individual situations in group chats."
                        ),
                    ],
                    "fr": [
                        (
                            "Les séances d'information sont souvent l'activité la plus demandée : "
                            "ce que doit contenir un contrat de travail, comment conserver des "
                            "copies de ses documents, comment utiliser les voies officielles de "
                            "réclamation des autorités du travail du pays d'accueil, quels "
                            "services offre le consulat. Invitez des personnes qualifiées pour "
                            "répondre, comme un avocat bénévole, un agent consulaire ou un "
                            "professionnel de santé."
                        ),
                        (
                            "Les bénévoles ne sont ni avocats ni travailleurs sociaux. Leur rôle "
                            "est d'écouter, de donner une information fiable et d'orienter chaque "
                            "femme, avec son accord, vers le service compétent : le consulat, les "
                            "services officiels du travail ou de la famille du pays d'accueil, un "
                            "médecin. Préparez un court annuaire à jour de ces contacts et "
                            "vérifiez-le tous les six mois."
                        ),
                        (
                            "La confidentialité protège à la fois les femmes et l'association. "
                            "Conservez les dossiers dans un endroit sécurisé à accès restreint, "
                            "ne partagez une information avec un partenaire qu'avec l'accord de "
                            "la femme concernée, et n'évoquez jamais de situations individuelles "
                            "dans des discussions de groupe."
                        ),
                    ],
                    "ar": [
                        (
                            "كثيرا ما تكون الجلسات الإخبارية أكثر الأنشطة طلبا: ما الذي يجب أن "
                            "يتضمنه عقد العمل، وكيف يحتفظ المرء بنسخ من وثائقه، وكيف تستعمل قنوات "
                            "التظلم الرسمية لدى سلطات الشغل في بلد الإقامة، وما الخدمات التي "
                            "تقدمها القنصلية. وادعوا أشخاصا مؤهلين للإجابة، مثل محام متطوع أو "
                            "موظف قنصلي أو مهني في مجال الصحة."
                        ),
                        (
                            "ليس المتطوعون محامين ولا مساعدين اجتماعيين، بل يتمثل دورهم في "
                            "الإنصات، وتقديم معلومات موثوقة، وتوجيه كل امرأة، بموافقتها، نحو "
                            "المصلحة المختصة: القنصلية، أو المصالح الرسمية المكلفة بالشغل أو "
                            "بالأسرة في بلد الإقامة، أو الطبيب. وأعدوا دليلا قصيرا ومحينا لهذه "
                            "الجهات، وراجعوه كل ستة أشهر."
                        ),
                        (
                            "تحمي السرية النساء والجمعية معا. احفظوا الملفات في مكان آمن لا يطلع "
                            "عليه إلا عدد محدود من الأشخاص، ولا تتقاسموا أي معلومة مع شريك إلا "
                            "بموافقة المرأة المعنية، ولا تناقشوا أبدا الحالات الفردية في مجموعات "
                            "الدردشة."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "For each request, record only the date, the type of issue and the "
                        "service to which the person was referred."
                    ),
                    "fr": (
                        "Pour chaque demande, notez seulement la date, le type de question et le "
                        "service vers lequel la personne a été orientée."
                    ),
                    "ar": (
                        "سجلوا عن كل طلب التاريخ ونوع المسألة والمصلحة التي وجه إليها الشخص فقط."
                    ),
                },
            },
            {
                "slug": "skills-and-economic-autonomy",
                "title": {
                    "en": "Skills and economic autonomy",
                    "fr": "Compétences et autonomie économique",
                    "ar": "الكفاءات والاستقلالية الاقتصادية",
                },
                "minutes": 25,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "Training that leads to concrete skills strengthens women's position: "
                            "digital skills, languages, managing a household budget and money "
                            "transfers, or a recognised qualification in a trade. Short modules "
                            "in the evening or on the day off, some of them online, fit working "
                            "hours better than long courses."
                        ),
                        (
                            "Some women are preparing a return to Morocco or a project there. "
                            "Sessions on saving, on the steps to set up a small business or a "
                            "cooperative and on the support available in Morocco help them "
                            "prepare it with realistic figures. Partnerships with associations in "
                            "the region of origin can give these projects a solid base."
                        ),
                        (
                            "Measure what changes for the participants: number of women trained, "
                            "qualifications obtained, women who changed jobs or started a "
                            "project, and what they say about their self-confidence. These "
                            "results, presented without names, will support your next application "
                            "to the ministry."
                        ),
                    ],
                    "fr": [
                        (
                            "Les formations qui mènent à des compétences concrètes renforcent la "
                            "position des femmes : compétences numériques, langues, gestion du "
                            "budget familial et des transferts d'argent, ou qualification "
                            "reconnue dans un métier. De courts modules le soir ou le jour de "
                            "repos, dont certains en ligne, s'adaptent mieux aux horaires de "
                            "travail que de longues formations."
                        ),
                        (
                            "Certaines femmes préparent un retour au Maroc ou un projet là-bas. "
                            "Des séances sur l'épargne, sur les étapes de création d'une petite "
                            "entreprise ou d'une coopérative et sur les soutiens disponibles au "
                            "Maroc les aident à le préparer avec des chiffres réalistes. Des "
                            "partenariats avec des associations de la région d'origine peuvent "
                            "donner à ces projets une base solide."
                        ),
                        (
                            "Mesurez ce qui change pour les participantes : nombre de femmes "
                            "formées, qualifications obtenues, femmes ayant changé d'emploi ou "
                            "lancé un projet, et ce qu'elles disent de leur confiance en elles. "
                            "Ces résultats, présentés sans noms, appuieront votre prochaine "
                            "candidature auprès du ministère."
                        ),
                    ],
                    "ar": [
                        (
                            "تعزز التكوينات التي تفضي إلى كفاءات ملموسة مكانة النساء: المهارات "
                            "الرقمية، واللغات، وتدبير ميزانية الأسرة والتحويلات المالية، أو تأهيل "
                            "معترف به في إحدى المهن. والوحدات القصيرة التي تنظم مساء أو يوم "
                            "العطلة، وبعضها عن بعد، تتلاءم مع أوقات العمل أكثر من التكوينات "
                            "الطويلة."
                        ),
                        (
                            "تستعد بعض النساء للعودة إلى المغرب أو لإنجاز مشروع هناك. وتساعدهن "
                            "جلسات حول الادخار، ومراحل إحداث مقاولة صغيرة أو تعاونية، وأشكال "
                            "الدعم المتاحة في المغرب، على التحضير لذلك بأرقام واقعية. كما يمكن "
                            "للشراكات مع جمعيات في منطقة الأصل أن تمنح هذه المشاريع أساسا متينا."
                        ),
                        (
                            "قيسوا ما يتغير لدى المشاركات: عدد النساء المستفيدات من التكوين، "
                            "والمؤهلات المحصل عليها، وعدد النساء اللواتي غيرن عملهن أو أطلقن "
                            "مشروعا، وما يقلنه عن ثقتهن بأنفسهن. وستدعم هذه النتائج، المعروضة دون "
                            "ذكر الأسماء، ترشيحكم المقبل لدى الوزارة."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Invite a woman who has completed a return project to tell her story: her "
                        "experience convinces more than any presentation."
                    ),
                    "fr": (
                        "Invitez une femme qui a mené à bien un projet de retour à raconter son "
                        "parcours : son expérience convainc plus que n'importe quelle "
                        "présentation."
                    ),
                    "ar": (
                        "ادعوا امرأة أنجزت مشروع عودة بنجاح لتحكي تجربتها، فشهادتها أكثر إقناعا "
                        "من أي عرض."
                    ),
                },
                "quiz": {
                    "title": {
                        "en": "Final quiz: the conditions of women",
                        "fr": "Quiz final : les conditions des femmes",
                        "ar": "الاختبار النهائي: أوضاع النساء",
                    },
                    "pass_mark": 80,
                    "max_attempts": 3,
                    "questions": [
                        {
                            "text": {
                                "en": (
                                    "During a session, a woman tells a volunteer that her "
                                    "employer has kept her passport. What should the volunteer "
                                    "do?"
                                ),
                                "fr": (
                                    "Pendant une séance, une femme confie à une bénévole que son "
                                    "employeur a gardé son passeport. Que doit faire la bénévole "
                                    "?"
                                ),
                                "ar": (
                                    "خلال إحدى الجلسات، تخبر امرأة متطوعة بأن مشغلها احتفظ بجواز "
                                    "سفرها. ماذا ينبغي للمتطوعة أن تفعل؟"
                                ),
                            },
                            "multiple": False,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "Listen, respect confidentiality and, with her "
                                            "consent, refer her to the consulate and the "
                                            "competent official channels"
                                        ),
                                        "fr": (
                                            "L'écouter, respecter la confidentialité et, avec son "
                                            "accord, l'orienter vers le consulat et les voies "
                                            "officielles compétentes"
                                        ),
                                        "ar": (
                                            "الإنصات إليها واحترام السرية، وتوجيهها بموافقتها نحو "
                                            "القنصلية والقنوات الرسمية المختصة"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: the volunteer listens and refers; qualified "
                                            "services handle the situation."
                                        ),
                                        "fr": (
                                            "Exact : la bénévole écoute et oriente ; les services "
                                            "qualifiés traitent la situation."
                                        ),
                                        "ar": (
                                            "صحيح: تنصت المتطوعة وتوجه، وتتكفل المصالح المؤهلة "
                                            "بمعالجة الوضعية."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "Go and confront the employer on behalf of the "
                                            "association"
                                        ),
                                        "fr": (
                                            "Aller confronter l'employeur au nom de l'association"
                                        ),
                                        "ar": "التوجه إلى المشغل لمواجهته باسم الجمعية",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: this can put the woman at risk and is not the "
                                            "volunteer's role."
                                        ),
                                        "fr": (
                                            "Non : cela peut mettre la femme en danger et ce "
                                            "n'est pas le rôle de la bénévole."
                                        ),
                                        "ar": (
                                            "خطأ: قد يعرض ذلك المرأة للخطر، وليس من دور المتطوعة."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "Share her story in the association's group chat to "
                                            "ask for advice"
                                        ),
                                        "fr": (
                                            "Raconter son histoire dans la discussion de groupe "
                                            "de l'association pour demander conseil"
                                        ),
                                        "ar": (
                                            "نشر قصتها في مجموعة الدردشة الخاصة بالجمعية لطلب "
                                            "المشورة"
                                        ),
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": "No: it breaks confidentiality and may expose her.",
                                        "fr": (
                                            "Non : cela rompt la confidentialité et peut "
                                            "l'exposer."
                                        ),
                                        "ar": "خطأ: فذلك خرق للسرية وقد يعرضها للخطر.",
                                    },
                                },
                            ],
                        },
                        {
                            "text": {
                                "en": (
                                    "Which practices protect the confidentiality of the women the "
                                    "association supports? (several answers)"
                                ),
                                "fr": (
                                    "Quelles pratiques protègent la confidentialité des femmes "
                                    "accompagnées par l'association ? (plusieurs réponses)"
                                ),
                                "ar": (
                                    "ما الممارسات التي تحمي سرية معطيات النساء اللواتي تواكبهن "
                                    "الجمعية؟ (عدة أجوبة)"
                                ),
                            },
                            "multiple": True,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "Keeping files in a secure place with restricted "
                                            "access"
                                        ),
                                        "fr": (
                                            "Conserver les dossiers dans un endroit sécurisé à "
                                            "accès restreint"
                                        ),
                                        "ar": (
                                            "حفظ الملفات في مكان آمن لا يطلع عليه إلا عدد محدود "
                                            "من الأشخاص"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: only the people who need the files should "
                                            "see them."
                                        ),
                                        "fr": (
                                            "Exact : seules les personnes qui en ont besoin "
                                            "doivent y accéder."
                                        ),
                                        "ar": "صحيح: لا يطلع على الملفات إلا من يحتاج إليها.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "Asking for the woman's agreement before sharing "
                                            "information with a partner"
                                        ),
                                        "fr": (
                                            "Demander l'accord de la femme avant de partager une "
                                            "information avec un partenaire"
                                        ),
                                        "ar": "طلب موافقة المرأة قبل تقاسم أي معلومة مع شريك",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: the information belongs to the woman "
                                            "concerned."
                                        ),
                                        "fr": (
                                            "Exact : l'information appartient à la femme "
                                            "concernée."
                                        ),
                                        "ar": "صحيح: المعلومة ملك للمرأة المعنية.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "Writing names next to the answers of the anonymous "
                                            "questionnaire"
                                        ),
                                        "fr": (
                                            "Inscrire les noms à côté des réponses du "
                                            "questionnaire anonyme"
                                        ),
                                        "ar": (
                                            "تدوين الأسماء إلى جانب أجوبة الاستبيان المجهول الهوية"
                                        ),
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: the questionnaire would no longer be anonymous."
                                        ),
                                        "fr": "Non : le questionnaire ne serait plus anonyme.",
                                        "ar": "خطأ: لن يبقى الاستبيان عندئذ مجهول الهوية.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "Publishing testimonies with first names to make the "
                                            "report livelier"
                                        ),
                                        "fr": (
                                            "Publier des témoignages avec les prénoms pour rendre "
                                            "le rapport plus vivant"
                                        ),
                                        "ar": (
                                            "نشر الشهادات مع الأسماء الشخصية لجعل التقرير أكثر "
                                            "حيوية"
                                        ),
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: testimonies must be anonymised unless the woman "
                                            "explicitly agrees."
                                        ),
                                        "fr": (
                                            "Non : les témoignages doivent être anonymisés, sauf "
                                            "accord explicite de la femme."
                                        ),
                                        "ar": (
                                            "خطأ: يجب إخفاء هوية صاحبات الشهادات ما لم توافق "
                                            "المرأة صراحة."
                                        ),
                                    },
                                },
                            ],
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "solidarity-development-regions-of-origin",
        "axis": "solidarity-development",
        "groups": ["people-in-difficulty", "women"],
        "countries": ["fr", "es", "it", "be", "nl", "de", "ma"],
        "level": "advanced",
        "format": "blended",
        "hours": 12,
        "certificate": True,
        "prerequisites": ["project-engineering-foundations"],
        "tags": ["co-development", "local partners", "partnership agreement", "sustainability"],
        "title": {
            "en": "Solidarity development projects with partners in the regions of origin",
            "fr": (
                "Projets de développement solidaire avec des partenaires dans les régions "
                "d'origine"
            ),
            "ar": "مشاريع التنمية التضامنية مع شركاء في مناطق الأصل",
        },
        "summary": {
            "en": (
                "Build a balanced partnership with a local association in Morocco, formalise it "
                "in an agreement that involves the local authorities concerned, and design a "
                "project that the population will keep running after the funding ends."
            ),
            "fr": (
                "Construire un partenariat équilibré avec une association locale au Maroc, le "
                "formaliser dans une convention associant les collectivités concernées, et "
                "concevoir un projet que la population fera vivre après la fin du financement."
            ),
            "ar": (
                "بناء شراكة متوازنة مع جمعية محلية في المغرب، وتأطيرها باتفاقية تشرك الجماعات "
                "الترابية المعنية، وتصميم مشروع يواصل السكان تسييره بعد انتهاء التمويل."
            ),
        },
        "objectives": {
            "en": [
                (
                    "Choose a local partner association in Morocco and check its capacity and "
                    "governance."
                ),
                (
                    "Draft a partnership agreement that sets out roles, contributions, fund "
                    "transfers and ownership."
                ),
                "Plan the sustainability of the project and document it as a case study.",
            ],
            "fr": [
                (
                    "Choisir une association partenaire locale au Maroc et vérifier sa capacité "
                    "et sa gouvernance."
                ),
                (
                    "Rédiger une convention de partenariat qui fixe les rôles, les apports, les "
                    "transferts de fonds et la propriété des biens."
                ),
                "Planifier la pérennité du projet et le documenter sous forme d'étude de cas.",
            ],
            "ar": [
                "اختيار جمعية شريكة محلية في المغرب والتحقق من قدراتها وحكامتها.",
                "صياغة اتفاقية شراكة تحدد الأدوار والمساهمات وتحويل الأموال وملكية الممتلكات.",
                "التخطيط لاستدامة المشروع وتوثيقه في شكل دراسة حالة.",
            ],
        },
        "lessons": [
            {
                "slug": "choosing-a-local-partner",
                "title": {
                    "en": "Choosing a local partner in Morocco",
                    "fr": "Choisir un partenaire local au Maroc",
                    "ar": "اختيار شريك محلي في المغرب",
                },
                "minutes": 25,
                "preview": True,
                "body": {
                    "en": [
                        (
                            "Many associations of Moroccans abroad were born from the wish to "
                            "help their village or neighbourhood of origin: a well, a school bus, "
                            "a health post, support for a women's cooperative. Such projects last "
                            "when they are carried by a local association that lives on site, "
                            "knows the population and will still be there when the diaspora "
                            "association has gone home."
                        ),
                        (
                            "Check the partner as a funder would check you. Is it legally "
                            "constituted, with the receipt of its declaration and up-to-date "
                            "statutes? Does its general assembly meet, are its accounts kept, has "
                            "it already run projects? Visit it, meet its board and the population "
                            "concerned, and define the needs together rather than bringing a "
                            "ready-made solution."
                        ),
                        (
                            "The ministry encourages exchanges between associations of Moroccans "
                            "abroad and local associations in Morocco, and the networking of "
                            "associations working in solidarity development. Use these spaces to "
                            "meet potential partners and to learn from projects that have worked "
                            "elsewhere."
                        ),
                    ],
                    "fr": [
                        (
                            "Beaucoup d'associations de MRE sont nées de l'envie d'aider leur "
                            "village ou leur quartier d'origine : un puits, un transport "
                            "scolaire, un dispensaire, le soutien à une coopérative de femmes. "
                            "Ces projets durent lorsqu'ils sont portés par une association locale "
                            "qui vit sur place, connaît la population et sera toujours là quand "
                            "l'association de la diaspora sera repartie."
                        ),
                        (
                            "Vérifiez le partenaire comme un bailleur vous vérifierait. Est-il "
                            "légalement constitué, avec le récépissé de sa déclaration et des "
                            "statuts à jour ? Son assemblée générale se réunit-elle, sa "
                            "comptabilité est-elle tenue, a-t-il déjà mené des projets ? "
                            "Rendez-lui visite, rencontrez son bureau et la population concernée, "
                            "et définissez les besoins ensemble plutôt que d'apporter une "
                            "solution toute faite."
                        ),
                        (
                            "Le ministère encourage les échanges entre associations de Marocains "
                            "résidant à l'étranger et associations locales au Maroc, ainsi que la "
                            "mise en réseau des associations actives dans le développement "
                            "solidaire. Profitez de ces espaces pour rencontrer des partenaires "
                            "potentiels et apprendre des projets qui ont réussi ailleurs."
                        ),
                    ],
                    "ar": [
                        (
                            "نشأت جمعيات كثيرة لمغاربة العالم من الرغبة في مساعدة القرية أو الحي "
                            "الأصلي: بئر، أو نقل مدرسي، أو مستوصف، أو دعم تعاونية نسائية. وتدوم "
                            "هذه المشاريع حين تحملها جمعية محلية تعيش في عين المكان، وتعرف "
                            "السكان، وتبقى حاضرة بعد عودة جمعية المهجر إلى بلد الإقامة."
                        ),
                        (
                            "تحققوا من الجمعية الشريكة كما يتحقق منكم الممول. هل هي مؤسسة بصفة "
                            "قانونية، وتتوفر على وصل الإيداع ونظام أساسي محين؟ هل ينعقد جمعها "
                            "العام بانتظام، وهل تمسك محاسبتها، وهل سبق لها أن أنجزت مشاريع؟ "
                            "زوروها، والتقوا بمكتبها وبالسكان المعنيين، وحددوا الاحتياجات معا بدل "
                            "المجيء بحل جاهز."
                        ),
                        (
                            "تشجع الوزارة تطوير فضاءات للتبادل بين جمعيات مغاربة العالم والجمعيات "
                            "المحلية في المغرب، وتشبيك الجمعيات العاملة في مجال التنمية "
                            "التضامنية. فاستثمروا هذه الفضاءات للقاء شركاء محتملين والتعلم من "
                            "مشاريع نجحت في أماكن أخرى."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Before committing, carry out a small joint action, such as a school "
                        "supplies campaign, to test how you work together as partners."
                    ),
                    "fr": (
                        "Avant de vous engager, menez ensemble une petite action commune, comme "
                        "une collecte de fournitures scolaires, pour tester votre manière de "
                        "travailler en partenaires."
                    ),
                    "ar": (
                        "قبل الالتزام، أنجزوا معا نشاطا مشتركا صغيرا، كحملة لجمع اللوازم "
                        "المدرسية، لاختبار طريقة عملكم كشريكين."
                    ),
                },
            },
            {
                "slug": "partnership-agreement",
                "title": {
                    "en": "The partnership agreement",
                    "fr": "La convention de partenariat",
                    "ar": "اتفاقية الشراكة",
                },
                "minutes": 30,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "Put the partnership in writing. The agreement states the objective "
                            "of the project, the activities each partner carries out, each "
                            "partner's contributions in money, in kind and in work, the schedule "
                            "and the way decisions are taken. It also says who owns the equipment "
                            "bought by the project and who is responsible for maintaining it."
                        ),
                        (
                            "Transfer funds in instalments, each one released when the partner "
                            "presents a short activity report and the supporting documents for "
                            "the previous instalment. Use the associations' bank accounts, never "
                            "personal accounts, and keep a shared table of all transfers and "
                            "expenses in both currencies."
                        ),
                        (
                            "Involve the commune and the competent local authorities from the "
                            "design stage: many projects, such as a well or a rural track, need "
                            "their authorisation, and some need their commitment to run the "
                            "equipment afterwards. Their written agreement also reassures funders "
                            "in the host country and in Morocco."
                        ),
                    ],
                    "fr": [
                        (
                            "Mettez le partenariat par écrit. La convention précise l'objectif du "
                            "projet, les activités menées par chaque partenaire, les apports de "
                            "chacun en argent, en nature et en travail, le calendrier et la "
                            "manière de prendre les décisions. Elle indique aussi à qui "
                            "appartiennent les équipements achetés par le projet et qui est "
                            "chargé de leur entretien."
                        ),
                        (
                            "Versez les fonds par tranches, chacune débloquée lorsque le "
                            "partenaire présente un court rapport d'activité et les justificatifs "
                            "de la tranche précédente. Utilisez les comptes bancaires des "
                            "associations, jamais des comptes personnels, et tenez un tableau "
                            "partagé de tous les transferts et de toutes les dépenses dans les "
                            "deux devises."
                        ),
                        (
                            "Associez la commune et les autorités locales compétentes dès la "
                            "conception : beaucoup de projets, comme un puits ou une piste "
                            "rurale, nécessitent leur autorisation, et certains leur engagement à "
                            "faire fonctionner l'équipement ensuite. Leur accord écrit rassure "
                            "aussi les bailleurs dans le pays d'accueil et au Maroc."
                        ),
                    ],
                    "ar": [
                        (
                            "دونوا الشراكة كتابة. تحدد الاتفاقية هدف المشروع، والأنشطة التي "
                            "يتولاها كل شريك، ومساهمات كل طرف نقدا وعينا وعملا، والجدولة الزمنية، "
                            "وطريقة اتخاذ القرارات. كما تبين لمن تعود ملكية التجهيزات المقتناة في "
                            "إطار المشروع، ومن يتولى صيانتها."
                        ),
                        (
                            "حولوا الأموال على دفعات، تصرف كل دفعة منها عندما يقدم الشريك تقريرا "
                            "قصيرا عن الأنشطة والوثائق المثبتة لصرف الدفعة السابقة. واستعملوا "
                            "الحسابات البنكية للجمعيتين، لا الحسابات الشخصية أبدا، واعتمدوا جدولا "
                            "مشتركا يضم جميع التحويلات والنفقات بالعملتين."
                        ),
                        (
                            "أشركوا الجماعة الترابية والسلطات المحلية المختصة منذ مرحلة التصميم، "
                            "فكثير من المشاريع، كحفر بئر أو فتح مسلك قروي، يحتاج إلى ترخيصها، "
                            "وبعضها يحتاج إلى التزامها بتشغيل التجهيز بعد ذلك. كما أن موافقتها "
                            "الكتابية تطمئن الممولين في بلد الإقامة وفي المغرب."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Add a clause on how disagreements will be settled before any "
                        "disagreement arises."
                    ),
                    "fr": (
                        "Ajoutez une clause sur le règlement des désaccords avant que le moindre "
                        "désaccord n'apparaisse."
                    ),
                    "ar": "أضيفوا بندا يحدد طريقة تسوية الخلافات قبل أن يظهر أي خلاف.",
                },
            },
            {
                "slug": "sustainability-and-case-study",
                "title": {
                    "en": "Sustainability and sharing the experience",
                    "fr": "Pérennité et partage de l'expérience",
                    "ar": "الاستدامة وتقاسم التجربة",
                },
                "minutes": 25,
                "preview": False,
                "body": {
                    "en": [
                        (
                            "A project is sustainable when it keeps running after the last "
                            "transfer. For a well or a school bus, this means a management "
                            "committee elected by the users, a small contribution from each "
                            "family to cover maintenance and fuel, and a person trained to carry "
                            "out simple repairs. For a women's cooperative, it means outlets for "
                            "the products and members trained in bookkeeping."
                        ),
                        (
                            "Plan these arrangements in the budget from the start: training the "
                            "committee, a maintenance reserve, the first year of running costs "
                            "shared with the commune. Agree on indicators with the local partner, "
                            "such as days of operation per month or the number of families "
                            "served, and collect them for at least a year after the funding ends."
                        ),
                        (
                            "Finally, tell the story of the project as a case study: the need, "
                            "the partners, what worked, what failed and what it cost. The "
                            "ministry's programme values the capitalisation of successful "
                            "experiences, and your case study can help another association avoid "
                            "your mistakes."
                        ),
                    ],
                    "fr": [
                        (
                            "Un projet est pérenne lorsqu'il continue de fonctionner après le "
                            "dernier virement. Pour un puits ou un transport scolaire, cela "
                            "suppose un comité de gestion élu par les usagers, une petite "
                            "contribution de chaque famille pour couvrir l'entretien et le "
                            "carburant, et une personne formée aux réparations simples. Pour une "
                            "coopérative de femmes, cela suppose des débouchés pour les produits "
                            "et des membres formées à la comptabilité."
                        ),
                        (
                            "Prévoyez ces dispositifs au budget dès le départ : formation du "
                            "comité, réserve pour l'entretien, première année de fonctionnement "
                            "partagée avec la commune. Convenez d'indicateurs avec le partenaire "
                            "local, comme le nombre de jours de fonctionnement par mois ou le "
                            "nombre de familles desservies, et collectez-les pendant au moins un "
                            "an après la fin du financement."
                        ),
                        (
                            "Enfin, racontez le projet sous forme d'étude de cas : le besoin, les "
                            "partenaires, ce qui a marché, ce qui a échoué et ce que cela a "
                            "coûté. Le programme du ministère valorise la capitalisation des "
                            "expériences réussies, et votre étude de cas peut aider une autre "
                            "association à éviter vos erreurs."
                        ),
                    ],
                    "ar": [
                        (
                            "يكون المشروع مستداما حين يستمر في الاشتغال بعد آخر تحويل مالي. "
                            "فبالنسبة إلى بئر أو نقل مدرسي، يقتضي ذلك لجنة تسيير ينتخبها "
                            "المستفيدون، ومساهمة صغيرة من كل أسرة لتغطية الصيانة والوقود، وشخصا "
                            "مكونا على الإصلاحات البسيطة. وبالنسبة إلى تعاونية نسائية، يقتضي ذلك "
                            "منافذ لتسويق المنتجات وعضوات مكونات في المحاسبة."
                        ),
                        (
                            "أدرجوا هذه الترتيبات في الميزانية منذ البداية: تكوين اللجنة، "
                            "واحتياطي للصيانة، وتقاسم تكاليف السنة الأولى من التشغيل مع الجماعة "
                            "الترابية. واتفقوا مع الشريك المحلي على مؤشرات، مثل عدد أيام الاشتغال "
                            "في الشهر أو عدد الأسر المستفيدة، واجمعوها لمدة سنة على الأقل بعد "
                            "انتهاء التمويل."
                        ),
                        (
                            "وأخيرا، احكوا قصة المشروع في شكل دراسة حالة: الحاجة، والشركاء، وما "
                            "نجح، وما أخفق، وكم كلف. فبرنامج الوزارة يولي أهمية لتثمين التجارب "
                            "الناجحة، ويمكن لدراسة الحالة التي تعدونها أن تساعد جمعية أخرى على "
                            "تفادي أخطائكم."
                        ),
                    ],
                },
                "callout": {
                    "en": (
                        "Set the users' contribution together with them at a public meeting: a "
                        "fee decided by the community is paid more willingly."
                    ),
                    "fr": (
                        "Fixez la contribution des usagers avec eux lors d'une réunion publique : "
                        "une cotisation décidée par la communauté est payée plus volontiers."
                    ),
                    "ar": (
                        "حددوا مساهمة المستفيدين معهم خلال اجتماع عمومي، فالمساهمة التي يقررها "
                        "السكان تؤدى عن طيب خاطر أكثر."
                    ),
                },
                "quiz": {
                    "title": {
                        "en": "Final quiz: solidarity development",
                        "fr": "Quiz final : développement solidaire",
                        "ar": "الاختبار النهائي: التنمية التضامنية",
                    },
                    "pass_mark": 70,
                    "max_attempts": 2,
                    "questions": [
                        {
                            "text": {
                                "en": (
                                    "How should the association transfer the project funds to its "
                                    "local partner in Morocco?"
                                ),
                                "fr": (
                                    "Comment l'association doit-elle transférer les fonds du "
                                    "projet à son partenaire local au Maroc ?"
                                ),
                                "ar": (
                                    "كيف ينبغي للجمعية أن تحول أموال المشروع إلى شريكها المحلي في "
                                    "المغرب؟"
                                ),
                            },
                            "multiple": False,
                            "options": [
                                {
                                    "text": {
                                        "en": (
                                            "In instalments to the partner association's bank "
                                            "account, each released against a report and "
                                            "supporting documents"
                                        ),
                                        "fr": (
                                            "Par tranches, sur le compte bancaire de "
                                            "l'association partenaire, chacune débloquée sur "
                                            "présentation d'un rapport et de justificatifs"
                                        ),
                                        "ar": (
                                            "على دفعات في الحساب البنكي للجمعية الشريكة، تصرف كل "
                                            "منها مقابل تقرير ووثائق مثبتة"
                                        ),
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: instalments tied to reports protect both "
                                            "partners."
                                        ),
                                        "fr": (
                                            "Exact : des tranches liées aux rapports protègent "
                                            "les deux partenaires."
                                        ),
                                        "ar": (
                                            "صحيح: الدفعات المرتبطة بالتقارير تحمي الشريكين معا."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "All at once to the personal account of the partner's "
                                            "president, to save bank fees"
                                        ),
                                        "fr": (
                                            "En une seule fois sur le compte personnel du "
                                            "président du partenaire, pour économiser les frais "
                                            "bancaires"
                                        ),
                                        "ar": (
                                            "دفعة واحدة في الحساب الشخصي لرئيس الجمعية الشريكة "
                                            "لتوفير المصاريف البنكية"
                                        ),
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: a personal account makes the funds impossible to "
                                            "trace and exposes everyone to suspicion."
                                        ),
                                        "fr": (
                                            "Non : un compte personnel rend les fonds impossibles "
                                            "à tracer et expose tout le monde au soupçon."
                                        ),
                                        "ar": (
                                            "خطأ: الحساب الشخصي يجعل تتبع الأموال مستحيلا ويعرض "
                                            "الجميع للشبهة."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "In cash, carried by members during the summer "
                                            "holidays"
                                        ),
                                        "fr": (
                                            "En espèces, transportées par des membres pendant les "
                                            "vacances d'été"
                                        ),
                                        "ar": "نقدا، يحملها الأعضاء خلال العطلة الصيفية",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: cash leaves no trace and cannot be justified to "
                                            "funders."
                                        ),
                                        "fr": (
                                            "Non : les espèces ne laissent pas de trace et ne "
                                            "peuvent pas être justifiées auprès des bailleurs."
                                        ),
                                        "ar": (
                                            "خطأ: الأموال النقدية لا تترك أثرا ولا يمكن تبريرها "
                                            "أمام الممولين."
                                        ),
                                    },
                                },
                            ],
                        },
                        {
                            "text": {
                                "en": (
                                    "Which arrangements help a village well keep working after "
                                    "the funding ends? (several answers)"
                                ),
                                "fr": (
                                    "Quels dispositifs aident un puits villageois à continuer de "
                                    "fonctionner après la fin du financement ? (plusieurs "
                                    "réponses)"
                                ),
                                "ar": (
                                    "ما الترتيبات التي تساعد بئر القرية على الاستمرار في الاشتغال "
                                    "بعد انتهاء التمويل؟ (عدة أجوبة)"
                                ),
                            },
                            "multiple": True,
                            "options": [
                                {
                                    "text": {
                                        "en": "A management committee elected by the users",
                                        "fr": "Un comité de gestion élu par les usagers",
                                        "ar": "لجنة تسيير ينتخبها المستفيدون",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: the users take responsibility for the "
                                            "equipment."
                                        ),
                                        "fr": (
                                            "Exact : les usagers prennent la responsabilité de "
                                            "l'équipement."
                                        ),
                                        "ar": "صحيح: يتحمل المستفيدون مسؤولية التجهيز.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "A contribution from each family, set at a public "
                                            "meeting"
                                        ),
                                        "fr": (
                                            "Une contribution de chaque famille, fixée lors d'une "
                                            "réunion publique"
                                        ),
                                        "ar": "مساهمة من كل أسرة تحدد خلال اجتماع عمومي",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: it pays for maintenance and is accepted by "
                                            "the community."
                                        ),
                                        "fr": (
                                            "Exact : elle finance l'entretien et elle est "
                                            "acceptée par la communauté."
                                        ),
                                        "ar": "صحيح: فهي تمول الصيانة وتحظى بقبول السكان.",
                                    },
                                },
                                {
                                    "text": {
                                        "en": "A person trained to carry out simple repairs",
                                        "fr": "Une personne formée aux réparations simples",
                                        "ar": "شخص مكون على القيام بالإصلاحات البسيطة",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: small breakdowns are fixed quickly without "
                                            "waiting for outside help."
                                        ),
                                        "fr": (
                                            "Exact : les petites pannes sont réparées vite, sans "
                                            "attendre une aide extérieure."
                                        ),
                                        "ar": (
                                            "صحيح: تصلح الأعطاب الصغيرة بسرعة دون انتظار مساعدة "
                                            "خارجية."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "A promise that the association abroad will pay for "
                                            "every repair"
                                        ),
                                        "fr": (
                                            "La promesse que l'association à l'étranger paiera "
                                            "chaque réparation"
                                        ),
                                        "ar": (
                                            "وعد بأن تتحمل الجمعية المقيمة بالخارج كلفة كل إصلاح"
                                        ),
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: it keeps the project dependent on the "
                                            "association abroad."
                                        ),
                                        "fr": (
                                            "Non : cela maintient le projet dans la dépendance de "
                                            "l'association à l'étranger."
                                        ),
                                        "ar": (
                                            "خطأ: فذلك يبقي المشروع تابعا للجمعية المقيمة بالخارج."
                                        ),
                                    },
                                },
                            ],
                        },
                        {
                            "text": {
                                "en": (
                                    "Which document sets out the roles, contributions and "
                                    "ownership of equipment between the two associations?"
                                ),
                                "fr": (
                                    "Quel document formalise les rôles, les apports et la "
                                    "propriété des équipements entre les deux associations ?"
                                ),
                                "ar": (
                                    "ما الوثيقة التي تحدد الأدوار والمساهمات وملكية التجهيزات بين "
                                    "الجمعيتين؟"
                                ),
                            },
                            "multiple": False,
                            "options": [
                                {
                                    "text": {
                                        "en": "The partnership agreement",
                                        "fr": "La convention de partenariat",
                                        "ar": "اتفاقية الشراكة",
                                    },
                                    "correct": True,
                                    "feedback": {
                                        "en": (
                                            "Correct: it sets out what each partner does, brings "
                                            "and owns."
                                        ),
                                        "fr": (
                                            "Exact : elle précise ce que chaque partenaire fait, "
                                            "apporte et possède."
                                        ),
                                        "ar": (
                                            "صحيح: فهي تحدد ما يقوم به كل شريك وما يقدمه وما "
                                            "يملكه."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": (
                                            "The minutes of the general assembly of one of the "
                                            "associations"
                                        ),
                                        "fr": (
                                            "Le procès-verbal de l'assemblée générale de l'une "
                                            "des associations"
                                        ),
                                        "ar": "محضر الجمع العام لإحدى الجمعيتين",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: minutes record one association's decisions, not "
                                            "the commitments between partners."
                                        ),
                                        "fr": (
                                            "Non : un procès-verbal consigne les décisions d'une "
                                            "association, pas les engagements entre partenaires."
                                        ),
                                        "ar": (
                                            "خطأ: يسجل المحضر قرارات جمعية واحدة، لا الالتزامات "
                                            "بين الشريكين."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "en": "The final narrative report",
                                        "fr": "Le rapport narratif final",
                                        "ar": "التقرير الأدبي النهائي",
                                    },
                                    "correct": False,
                                    "feedback": {
                                        "en": (
                                            "No: the report describes what happened; the roles "
                                            "must be agreed beforehand."
                                        ),
                                        "fr": (
                                            "Non : le rapport décrit ce qui s'est passé ; les "
                                            "rôles doivent être convenus avant."
                                        ),
                                        "ar": (
                                            "خطأ: يصف التقرير ما جرى، أما الأدوار فيجب الاتفاق "
                                            "عليها مسبقا."
                                        ),
                                    },
                                },
                            ],
                        },
                    ],
                },
            },
        ],
    },
    # Written in French and not translated yet: the English and Arabic catalogues list it in
    # French and say so (content translation fallback).
    {
        "slug": "crowdfunding-association-projects",
        "axis": "project-engineering",
        "groups": [],
        "countries": ["fr", "be"],
        "level": "intermediate",
        "format": "online",
        "hours": 1,
        "certificate": False,
        "prerequisites": [],
        "tags": ["financement participatif"],
        "title": {"fr": "Financer un projet associatif par le financement participatif"},
        "summary": {
            "fr": (
                "Préparer une campagne de financement participatif qui complète une subvention : "
                "objectif réaliste, contreparties, calendrier et compte rendu aux contributeurs."
            ),
        },
        "objectives": {
            "fr": [
                "Fixer un objectif de collecte réaliste et l'articuler avec le budget du projet.",
                "Préparer la page de campagne, les contreparties et le calendrier de diffusion.",
            ],
        },
        "lessons": [
            {
                "slug": "preparing-a-campaign",
                "title": {"fr": "Préparer la campagne"},
                "minutes": 20,
                "preview": True,
                "body": {
                    "fr": [
                        "Une campagne réussie complète un financement déjà en partie acquis : "
                        "annoncez ce que la collecte permettra de faire de plus, chiffré.",
                        "Prévoyez trois semaines de diffusion, mobilisez d'abord les membres de "
                        "l'association, puis leurs proches, et rendez compte de l'usage des fonds "
                        "à la fin du projet.",
                    ],
                },
            },
        ],
    },
]
