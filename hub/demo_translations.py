# ruff: noqa: E501, RUF001 (one term a line, its six names side by side, in their scripts)
"""The demo's taxonomy terms and guidance categories in the six languages (issue 21).

`seed_demo` runs `apply()` after the apps' seeds: each term found by its English name gets the
other five names through `set_texts`. These translations were not written by professional
translators; see the README for how to correct them. Article and tool texts come later, from
translators, the same way: `set_texts(obj, {"summary": {"fr": "…"}})`.
"""

from django.apps import apps
from django.db.models import Model
from modeltranslation.utils import build_localized_fieldname

from hub.content_languages import set_texts

# English name → (Arabic, Chinese, French, Russian, Spanish).
Names = dict[str, tuple[str, str, str, str, str]]
LANGUAGE_ORDER = ("ar", "zh-hans", "fr", "ru", "es")

# fmt: off
CAPABILITIES: Names = {
    "Hash matching": ("مطابقة البصمات الرقمية", "哈希匹配", "Correspondance d'empreintes", "Сопоставление хешей", "Coincidencia de hash"),
    "Image and video classification": ("تصنيف الصور والفيديو", "图像和视频分类", "Classification d'images et de vidéos", "Классификация изображений и видео", "Clasificación de imágenes y vídeos"),
    "Age estimation": ("تقدير العمر", "年龄估计", "Estimation de l'âge", "Оценка возраста", "Estimación de la edad"),
    "Face matching": ("مطابقة الوجوه", "人脸比对", "Comparaison faciale", "Сопоставление лиц", "Comparación facial"),
    "Object and scene detection": ("كشف الأشياء والمشاهد", "物体和场景检测", "Détection d'objets et de scènes", "Обнаружение объектов и сцен", "Detección de objetos y escenas"),
    "Deduplication": ("إزالة التكرار", "去重", "Dédoublonnage", "Устранение дубликатов", "Eliminación de duplicados"),
    "Triage and prioritisation": ("الفرز وتحديد الأولويات", "分流和优先级排序", "Tri et priorisation", "Сортировка и определение приоритетов", "Triaje y priorización"),
    "OCR and text analysis": ("التعرف الضوئي على النصوص وتحليلها", "OCR 和文本分析", "OCR et analyse de texte", "Распознавание и анализ текста", "OCR y análisis de texto"),
    "Grooming and chat analysis": ("تحليل الاستدراج والمحادثات", "诱骗和聊天分析", "Analyse de pédopiégeage et de conversations", "Анализ груминга и переписки", "Análisis de grooming y chats"),
    "Audio analysis": ("تحليل الصوت", "音频分析", "Analyse audio", "Анализ аудио", "Análisis de audio"),
    "OSINT and dark-web monitoring": ("الاستخبارات مفتوحة المصدر ورصد الويب المظلم", "开源情报和暗网监测", "OSINT et surveillance du dark web", "OSINT и мониторинг даркнета", "OSINT y vigilancia de la web oscura"),
    "Geolocation": ("تحديد الموقع الجغرافي", "地理定位", "Géolocalisation", "Геолокация", "Geolocalización"),
    "Network and metadata analysis": ("تحليل الشبكات والبيانات الوصفية", "网络和元数据分析", "Analyse de réseau et de métadonnées", "Анализ сетей и метаданных", "Análisis de redes y metadatos"),
    "Redaction and blurring": ("الحجب والتمويه", "遮蔽和模糊处理", "Caviardage et floutage", "Скрытие и размытие", "Ocultación y difuminado"),
    "Translation": ("الترجمة", "翻译", "Traduction", "Перевод", "Traducción"),
}
STAGES: Names = {
    "Report intake and triage": ("استلام البلاغات وفرزها", "报告接收和分流", "Réception et tri des signalements", "Приём и сортировка сообщений", "Recepción y triaje de denuncias"),
    "Lawful acquisition": ("الحصول القانوني على الأدلة", "合法获取", "Acquisition légale", "Законное получение", "Obtención lícita"),
    "Analysis and triage of seized media": ("تحليل الوسائط المضبوطة وفرزها", "扣押介质的分析和分流", "Analyse et tri des supports saisis", "Анализ и сортировка изъятых носителей", "Análisis y triaje de soportes incautados"),
    "Victim identification": ("تحديد هوية الضحايا", "受害者身份识别", "Identification des victimes", "Установление личности жертв", "Identificación de víctimas"),
    "Offender identification": ("تحديد هوية الجناة", "犯罪者身份识别", "Identification des auteurs", "Установление личности преступников", "Identificación de autores"),
    "Prioritisation and risk assessment": ("تحديد الأولويات وتقييم المخاطر", "优先级排序和风险评估", "Priorisation et évaluation des risques", "Определение приоритетов и оценка рисков", "Priorización y evaluación de riesgos"),
    "Case preparation and disclosure": ("إعداد القضية والإفصاح", "案件准备和披露", "Préparation du dossier et communication", "Подготовка дела и раскрытие материалов", "Preparación del caso y revelación"),
    "Investigator wellbeing": ("رفاه المحققين", "调查人员身心健康", "Bien-être des enquêteurs", "Благополучие следователей", "Bienestar de los investigadores"),
}
DATA_TYPES: Names = {
    "Images": ("الصور", "图像", "Images", "Изображения", "Imágenes"),
    "Video": ("الفيديو", "视频", "Vidéo", "Видео", "Vídeo"),
    "Audio": ("الصوت", "音频", "Audio", "Аудио", "Audio"),
    "Text and chat": ("النصوص والمحادثات", "文本和聊天", "Texte et conversations", "Текст и переписка", "Texto y chat"),
    "Network and metadata": ("الشبكات والبيانات الوصفية", "网络和元数据", "Réseau et métadonnées", "Сети и метаданные", "Redes y metadatos"),
    "Documents": ("المستندات", "文档", "Documents", "Документы", "Documentos"),
}
DEPLOYMENTS: Names = {
    "On-premises": ("محلي", "本地部署", "Sur site", "Локально", "Local"),
    "Cloud": ("سحابي", "云端", "Cloud", "Облако", "Nube"),
    "Hybrid": ("هجين", "混合", "Hybride", "Гибрид", "Híbrido"),
    "Air-gapped": ("معزول عن الشبكات", "物理隔离", "Isolé du réseau", "Изолированная сеть", "Aislado de la red"),
}
LICENCES: Names = {
    "Open source": ("مفتوح المصدر", "开源", "Open source", "Открытый исходный код", "Código abierto"),
    "Free for law enforcement": ("مجاني لجهات إنفاذ القانون", "执法机构免费", "Gratuit pour les forces de l'ordre", "Бесплатно для правоохранительных органов", "Gratuito para las fuerzas del orden"),
    "Commercial": ("تجاري", "商业", "Commercial", "Коммерческий", "Comercial"),
}
LANGUAGES: Names = {
    "English": ("الإنجليزية", "英语", "Anglais", "Английский", "Inglés"),
    "French": ("الفرنسية", "法语", "Français", "Французский", "Francés"),
    "German": ("الألمانية", "德语", "Allemand", "Немецкий", "Alemán"),
    "Spanish": ("الإسبانية", "西班牙语", "Espagnol", "Испанский", "Español"),
    "Portuguese": ("البرتغالية", "葡萄牙语", "Portugais", "Португальский", "Portugués"),
    "Italian": ("الإيطالية", "意大利语", "Italien", "Итальянский", "Italiano"),
    "Dutch": ("الهولندية", "荷兰语", "Néerlandais", "Нидерландский", "Neerlandés"),
    "Polish": ("البولندية", "波兰语", "Polonais", "Польский", "Polaco"),
    "Arabic": ("العربية", "阿拉伯语", "Arabe", "Арабский", "Árabe"),
    "Russian": ("الروسية", "俄语", "Russe", "Русский", "Ruso"),
    "Ukrainian": ("الأوكرانية", "乌克兰语", "Ukrainien", "Украинский", "Ucraniano"),
    "Turkish": ("التركية", "土耳其语", "Turc", "Турецкий", "Turco"),
    "Hindi": ("الهندية", "印地语", "Hindi", "Хинди", "Hindi"),
    "Mandarin Chinese": ("الصينية الماندرينية", "普通话", "Chinois mandarin", "Китайский (мандарин)", "Chino mandarín"),
    "Japanese": ("اليابانية", "日语", "Japonais", "Японский", "Japonés"),
    "Swahili": ("السواحيلية", "斯瓦希里语", "Swahili", "Суахили", "Suajili"),
    "Tagalog": ("التاغالوغية", "他加禄语", "Tagalog", "Тагальский", "Tagalo"),
    "Thai": ("التايلاندية", "泰语", "Thaï", "Тайский", "Tailandés"),
}
PLATFORMS: Names = {
    "Windows": ("ويندوز", "Windows", "Windows", "Windows", "Windows"),
    "Linux": ("لينكس", "Linux", "Linux", "Linux", "Linux"),
    "macOS": ("macOS", "macOS", "macOS", "macOS", "macOS"),
    "Web browser": ("متصفح الويب", "网页浏览器", "Navigateur web", "Веб-браузер", "Navegador web"),
    "Android": ("أندرويد", "Android", "Android", "Android", "Android"),
    "iOS": ("iOS", "iOS", "iOS", "iOS", "iOS"),
}
COUNTRIES: Names = {
    "Australia": ("أستراليا", "澳大利亚", "Australie", "Австралия", "Australia"),
    "Austria": ("النمسا", "奥地利", "Autriche", "Австрия", "Austria"),
    "Belgium": ("بلجيكا", "比利时", "Belgique", "Бельгия", "Bélgica"),
    "Brazil": ("البرازيل", "巴西", "Brésil", "Бразилия", "Brasil"),
    "Canada": ("كندا", "加拿大", "Canada", "Канада", "Canadá"),
    "Denmark": ("الدنمارك", "丹麦", "Danemark", "Дания", "Dinamarca"),
    "Finland": ("فنلندا", "芬兰", "Finlande", "Финляндия", "Finlandia"),
    "France": ("فرنسا", "法国", "France", "Франция", "Francia"),
    "Germany": ("ألمانيا", "德国", "Allemagne", "Германия", "Alemania"),
    "India": ("الهند", "印度", "Inde", "Индия", "India"),
    "Ireland": ("أيرلندا", "爱尔兰", "Irlande", "Ирландия", "Irlanda"),
    "Italy": ("إيطاليا", "意大利", "Italie", "Италия", "Italia"),
    "Japan": ("اليابان", "日本", "Japon", "Япония", "Japón"),
    "Kenya": ("كينيا", "肯尼亚", "Kenya", "Кения", "Kenia"),
    "Netherlands": ("هولندا", "荷兰", "Pays-Bas", "Нидерланды", "Países Bajos"),
    "New Zealand": ("نيوزيلندا", "新西兰", "Nouvelle-Zélande", "Новая Зеландия", "Nueva Zelanda"),
    "Norway": ("النرويج", "挪威", "Norvège", "Норвегия", "Noruega"),
    "Philippines": ("الفلبين", "菲律宾", "Philippines", "Филиппины", "Filipinas"),
    "Poland": ("بولندا", "波兰", "Pologne", "Польша", "Polonia"),
    "Portugal": ("البرتغال", "葡萄牙", "Portugal", "Португалия", "Portugal"),
    "Spain": ("إسبانيا", "西班牙", "Espagne", "Испания", "España"),
    "Sweden": ("السويد", "瑞典", "Suède", "Швеция", "Suecia"),
    "Switzerland": ("سويسرا", "瑞士", "Suisse", "Швейцария", "Suiza"),
    "Thailand": ("تايلاند", "泰国", "Thaïlande", "Таиланд", "Tailandia"),
    "United Kingdom": ("المملكة المتحدة", "英国", "Royaume-Uni", "Великобритания", "Reino Unido"),
    "United States": ("الولايات المتحدة", "美国", "États-Unis", "США", "Estados Unidos"),
}
CATEGORIES: Names = {
    "Ethics and human rights": ("الأخلاقيات وحقوق الإنسان", "伦理与人权", "Éthique et droits humains", "Этика и права человека", "Ética y derechos humanos"),
    "Legal basis and admissibility": ("الأساس القانوني والمقبولية", "法律依据与可采性", "Base légale et recevabilité", "Правовое основание и допустимость", "Base jurídica y admisibilidad"),
    "Data protection": ("حماية البيانات", "数据保护", "Protection des données", "Защита данных", "Protección de datos"),
    "Procurement and evaluation": ("الشراء والتقييم", "采购与评估", "Achat et évaluation", "Закупка и оценка", "Adquisición y evaluación"),
    "Operational use": ("الاستخدام العملي", "实际使用", "Usage opérationnel", "Практическое применение", "Uso operativo"),
}
# fmt: on

# Model label → its names.
TERM_NAMES: dict[str, Names] = {
    "catalog.Capability": CAPABILITIES,
    "catalog.InvestigationStage": STAGES,
    "catalog.DataType": DATA_TYPES,
    "catalog.Deployment": DEPLOYMENTS,
    "catalog.Licence": LICENCES,
    "catalog.Language": LANGUAGES,
    "catalog.Platform": PLATFORMS,
    "catalog.Country": COUNTRIES,
    "guidance.Category": CATEGORIES,
}


def names_of(label: str, english: str) -> dict[str, str]:
    """The other five names of the demo term `english` of the model `label`."""
    return dict(zip(LANGUAGE_ORDER, TERM_NAMES[label][english], strict=True))


def is_named(term: Model, names: dict[str, str]) -> bool:
    """Whether `term` has each of `names`: `{language: name}`."""
    return all(
        getattr(term, build_localized_fieldname("name", language)) == name
        for language, name in names.items()
    )


def apply() -> str:
    """Give every demo term found by its English name its other five names.

    A term that has them already is not saved again: saving a term rebuilds the search vector
    of each of its tools, which in a catalogue of 100,000 tools takes minutes per term.
    """
    named = 0
    for label, names in TERM_NAMES.items():
        model = apps.get_model(label)
        for term in model.objects.filter(name__in=list(names)):
            translated = names_of(label, term.name_en or term.name)
            if not is_named(term, translated):
                set_texts(term, {"name": translated})
                term.save()
            named += 1
    return f"{named} terms named in six languages"
