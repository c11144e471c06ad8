# ruff: noqa: E501 (prose)
"""Wellbeing demo content in French (issue 21): see wellbeing/demo_i18n/__init__.py."""

RESOURCES = {
    "box-breathing": (
        "La respiration carrée",
        "Quatre temps lents : inspirer, retenir, expirer, retenir. Apaise le corps après une séance difficile.",
        "## Comment faire\n\n1. Inspirez par le nez en comptant jusqu'à quatre.\n2. Retenez votre souffle sur quatre temps.\n3. Expirez sur quatre temps.\n4. Retenez sur quatre temps.\n\nRecommencez pendant trois minutes.\n",
    ),
    "grounding-five-senses": (
        "L'ancrage par les cinq sens",
        "Quand une image du travail revient, ramenez-vous dans la pièce où vous êtes.",
        "## Remarquez\n\n- cinq choses que vous voyez,\n- quatre que vous pouvez toucher,\n- trois que vous entendez,\n- deux que vous sentez,\n- une que vous goûtez.\n\nNommez-les, à voix haute si vous le pouvez.\n",
    ),
    "wind-down-before-sleep": (
        "Un rituel de détente avant de dormir",
        "Un court rituel qui vous aide à laisser le travail de la journée au travail.",
        "## Rituel\n\nNotez ce qui vous occupe l'esprit, puis refermez le carnet. Baissez la lumière, rangez les écrans et faites l'exercice de respiration carrée.\n",
    ),
    "secondary-trauma-explained": (
        "Le stress traumatique secondaire, expliqué",
        "Ce que peut provoquer l'exposition répétée au traumatisme d'autrui, et les premiers signes à surveiller.",
        "## Ce que c'est\n\nLe stress traumatique secondaire vient de l'exposition au traumatisme d'autres personnes. C'est une réaction normale à un matériel anormal, pas une faiblesse.\n\n## Premiers signes\n\n- des images ou des sons qui reviennent sans prévenir,\n- des troubles du sommeil,\n- de l'irritabilité ou un engourdissement,\n- l'évitement de certaines parties du travail.\n\n## Ce qui aide\n\nLa plupart des réactions s'atténuent en quelques jours quand le travail est organisé : des limites au temps d'exposition, des pauses entre les séances d'examen, des collègues qui parlent du travail, et des outils qui floutent les aperçus et reconnaissent le matériel connu par correspondance d'empreintes pour qu'il ne soit pas revu. Si les signes durent des semaines ou s'aggravent, parlez-en à la médecine du travail ou à un psychologue qui travaille avec des enquêteurs ; c'est le signe d'une bonne pratique, pas d'un échec.\n",
    ),
    "after-a-hard-session": (
        "Après une séance difficile",
        "Dix minutes entre un matériel éprouvant et le reste de votre journée.",
        "## Clore la séance\n\nÉcrivez une ligne sur l'endroit où vous vous êtes arrêté, pour que le travail ne vous suive pas inachevé jusque chez vous. Fermez les fichiers.\n\n## Changer de registre\n\nLevez-vous, buvez de l'eau, regardez par une fenêtre ou marchez cinq minutes. Parlez à quelqu'un de quelque chose d'ordinaire.\n\n## Faire le point\n\nDemandez-vous comment vous allez, de 1 à 10. Si la réponse est basse, dites-le aujourd'hui à un collègue ou à votre supérieur hiérarchique ; l'annuaire des services de soutien indique qui d'autre vous pouvez appeler.\n",
    ),
    "managing-workload": (
        "Gérer une charge de travail sans fin",
        "Dans ce travail, les dossiers en attente ne se vident jamais. Comment fixer des limites qui vous permettent de tenir.",
        "## Les limites aident le travail\n\nConvenez avec votre supérieur hiérarchique d'un temps d'exposition maximal par jour, prévoyez des tâches sans exposition entre les séances d'examen et protégez vos congés.\n",
    ),
    "asking-for-support": (
        "Demander du soutien",
        "Parler à des collègues, à des supérieurs et à des professionnels : comment engager la conversation.",
        "## Commencez simplement\n\nVous n'avez pas besoin de décrire le matériel. « Cette semaine a été difficile » suffit pour commencer. Les pairs aidants et les psychologues qui travaillent avec des enquêteurs savent le reste.\n",
    ),
}
FICTIONAL = "Service fictif, pour la démonstration uniquement ; à remplacer par des services réels."
FICTIONAL_MARK = "(fictif)"
HOURS = {
    "24 hours": "24 h sur 24",
    "Weekly, Thursdays 18:00 UTC": "Chaque semaine, le jeudi à 18:00 UTC",
    "Monday to Friday, 8:00-18:00": "Du lundi au vendredi, 8:00-18:00",
    "Evenings and weekends": "Le soir et le week-end",
    "Maandag tot vrijdag, 9:00-17:00": "Du lundi au vendredi, 9:00-17:00",
    "Rund um die Uhr": "24 h sur 24",
    "Monday to Friday, 8:00-16:00": "Du lundi au vendredi, 8:00-16:00",
}
