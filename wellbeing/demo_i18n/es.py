# ruff: noqa: E501 (prose)
"""Wellbeing demo content in Spanish (issue 21): see wellbeing/demo_i18n/__init__.py."""

RESOURCES = {
    "box-breathing": (
        "Respiración cuadrada",
        "Cuatro tiempos lentos: inspirar, retener, espirar, retener. Calma el cuerpo después de una sesión difícil.",
        "## Cómo\n\n1. Inspire por la nariz contando hasta cuatro.\n2. Retenga el aire cuatro tiempos.\n3. Espire en cuatro tiempos.\n4. Retenga cuatro tiempos.\n\nRepita durante tres minutos.\n",
    ),
    "grounding-five-senses": (
        "Anclaje con los cinco sentidos",
        "Cuando vuelve una imagen del trabajo, tráigase de vuelta a la habitación en la que está.",
        "## Observe\n\n- cinco cosas que puede ver,\n- cuatro que puede tocar,\n- tres que puede oír,\n- dos que puede oler,\n- una que puede saborear.\n\nNómbrelas, en voz alta si puede.\n",
    ),
    "wind-down-before-sleep": (
        "Una rutina para relajarse antes de dormir",
        "Una rutina breve que le ayuda a dejar el trabajo del día en el trabajo.",
        "## Rutina\n\nEscriba lo que tiene en la cabeza y cierre el cuaderno. Baje la luz, aparte las pantallas y haga el ejercicio de respiración cuadrada.\n",
    ),
    "secondary-trauma-explained": (
        "El estrés traumático secundario, explicado",
        "Lo que puede causar la exposición repetida al trauma de otras personas y los primeros signos a los que prestar atención.",
        "## Qué es\n\nEl estrés traumático secundario se debe a la exposición al trauma de otras personas. Es una reacción normal ante un material anormal, no una debilidad.\n\n## Primeros signos\n\n- imágenes o sonidos que vuelven sin avisar,\n- problemas para dormir,\n- irritabilidad o embotamiento,\n- evitar partes del trabajo.\n\n## Qué ayuda\n\nLa mayoría de las reacciones remiten en pocos días cuando el trabajo está planificado: límites al tiempo de exposición, pausas entre sesiones de revisión, compañeros que hablan del trabajo y herramientas que difuminan las vistas previas y reconocen por hash el material conocido para que no se vuelva a ver. Si los signos duran semanas o empeoran, hable con el servicio de salud laboral o con un psicólogo que trabaje con investigadores; es señal de buena práctica, no de fracaso.\n",
    ),
    "after-a-hard-session": (
        "Después de una sesión difícil",
        "Diez minutos entre el material perturbador y el resto de su día.",
        "## Cierre la sesión\n\nEscriba una línea sobre dónde se quedó, para que el trabajo no le siga sin terminar hasta casa. Cierre los archivos.\n\n## Cambie de registro\n\nLevántese, beba agua, mire por una ventana o camine cinco minutos. Hable con alguien de algo cotidiano.\n\n## Compruebe cómo está\n\nPregúntese cómo está, del 1 al 10. Si la respuesta es baja, dígaselo hoy a un compañero o a su superior jerárquico; el directorio de servicios de apoyo indica a quién más puede llamar.\n",
    ),
    "managing-workload": (
        "Gestionar una carga de trabajo que nunca se acaba",
        "En este trabajo los atrasos no se vacían. Cómo fijar límites que le permitan seguir.",
        "## Los límites ayudan al trabajo\n\nAcuerde con su superior jerárquico un tiempo máximo de exposición al día, planifique tareas sin exposición entre sesiones de revisión y proteja sus vacaciones.\n",
    ),
    "asking-for-support": (
        "Pedir apoyo",
        "Hablar con compañeros, superiores y profesionales: cómo empezar la conversación.",
        "## Empiece poco a poco\n\nNo necesita describir el material. «Esta semana ha sido dura» basta para empezar. Los compañeros de apoyo y los psicólogos que trabajan con investigadores saben el resto.\n",
    ),
}
FICTIONAL = "Servicio ficticio, solo para demostración; sustitúyalo por servicios reales."
FICTIONAL_MARK = "(ficticio)"
HOURS = {
    "24 hours": "24 horas",
    "Weekly, Thursdays 18:00 UTC": "Semanal, los jueves a las 18:00 UTC",
    "Monday to Friday, 8:00-18:00": "De lunes a viernes, 8:00-18:00",
    "Evenings and weekends": "Tardes, noches y fines de semana",
    "Maandag tot vrijdag, 9:00-17:00": "De lunes a viernes, 9:00-17:00",
    "Rund um die Uhr": "24 horas",
    "Monday to Friday, 8:00-16:00": "De lunes a viernes, 8:00-16:00",
}
