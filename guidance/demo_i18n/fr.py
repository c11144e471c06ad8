# ruff: noqa: E501 (prose)
"""Guidance demo content in French (issue 21): see guidance/demo_i18n/__init__.py."""

ARTICLES = {
    "before-face-matching-on-seized-media": (
        "Avant d'utiliser la comparaison faciale sur des supports saisis",
        "Ce que la comparaison faciale peut et ne peut pas vous dire, la base légale nécessaire, et comment consigner une correspondance pour qu'elle résiste à la contestation.",
        """## Ce que fait l'outil

Un outil de comparaison faciale trouve les visages dans les images et les vidéos, transforme chacun en gabarit numérique et liste les paires de visages qui peuvent montrer la même personne, classées par score de similarité. Utilisé au sein d'une seule saisie, il aide à regrouper les images d'un même enfant, à relier une victime à plusieurs affaires et à trouver les images où apparaît un auteur.

Un score de similarité n'est pas une identification. Il indique que deux visages se ressemblent pour le logiciel ; une personne formée décide s'il s'agit de la même personne, et c'est sur cette décision que vous vous appuyez.

## La base légale

Les gabarits de visage sont des données biométriques, une catégorie particulière dans la plupart des lois sur la protection des données. La comparaison au sein de supports saisis sur mandat est généralement couverte par la finalité de ce mandat. La comparaison avec toute autre source — un fichier de photos de garde à vue, une autre affaire, un site web public — est un nouveau traitement avec sa propre base légale, et dans plusieurs pays elle exige une autorisation préalable. Interrogez votre conseiller juridique avant la première affaire et inscrivez sa réponse dans l'analyse d'impact relative à la protection des données.

## La précision sur les visages d'enfants

Les chiffres de précision des fournisseurs viennent généralement d'adultes photographiés sous un bon éclairage. Les visages d'enfants changent vite, les images des supports saisis sont souvent petites, sombres ou compressées, et les taux d'erreur diffèrent selon les groupes démographiques. Avant de vous fier à un outil :

- demandez au fournisseur des chiffres sur les enfants, par tranche d'âge et par groupe ;
- menez un pilote sur une affaire close dont les identifications sont déjà connues ;
- fixez le seuil d'examen à partir de ce pilote, pas à partir de la valeur par défaut.

## Consigner une correspondance

Pour chaque identification sur laquelle vous agissez, notez l'outil et sa version, le seuil, le score, qui a examiné la paire et ce qui, par ailleurs, étaye l'identification. Un tribunal demandera comment la correspondance a été établie et à quelle fréquence la méthode se trompe : communiquez les taux d'erreur connus.

## Des limites qui protègent les personnes

- Supprimez les gabarits avec le dossier ; ne les versez jamais dans une base permanente.
- Limitez les personnes autorisées à lancer des recherches et journalisez chaque recherche.
- N'agissez jamais contre une personne sur la seule base d'une correspondance.
""",
    ),
    "hash-matching-explained": (
        "Correspondance d'empreintes : ce que vous apprend une correspondance",
        "Empreintes cryptographiques et perceptuelles, listes d'empreintes de CSAM, et pourquoi la correspondance d'empreintes ne trouve que ce qui est déjà connu.",
        """## Deux sortes d'empreintes

Une **empreinte cryptographique** (MD5, SHA-1, SHA-256) est l'empreinte des octets exacts d'un fichier : changez un pixel et l'empreinte change. Une correspondance signifie que le fichier est identique à un fichier déjà catégorisé. Une **empreinte perceptuelle** (comme PhotoDNA ou PDQ) décrit l'aspect d'une image, si bien que les copies redimensionnées ou recompressées correspondent encore ; chaque correspondance est accompagnée d'une distance, et une faible distance est une piste sérieuse, pas une certitude.

## Les listes d'empreintes

Les centres nationaux et les organismes internationaux tiennent des listes d'empreintes de matériel d'abus sexuels sur enfants (CSAM) connu et catégorisé. Votre service doit avoir le droit d'utiliser chaque liste, et les règles propres à la liste (qui peut la consulter, si les résultats peuvent être partagés) l'accompagnent. Utilisez la version la plus récente : les listes s'allongent chaque semaine.

## Ce qu'une correspondance vous apporte

- Le matériel connu est mis de côté sans que personne ne le revoie, ce qui protège votre personnel.
- Les décomptes de matériel connu par catégorie sont prêts pour la décision de poursuite.
- Les analystes peuvent consacrer leur temps à ce qui ne correspond pas — c'est là que l'on trouve de nouvelles victimes.

## Ce qu'elle ne peut pas faire

La correspondance d'empreintes ne trouve jamais de matériel nouveau. Un appareil sans résultat n'est pas un appareil sain, et les images les plus importantes d'une affaire sont souvent celles qu'aucune liste ne contient. Associez-la à la classification et à l'examen humain pour le reste.

## Consigner

Notez la liste et sa version, l'outil et sa version et, pour les correspondances perceptuelles, le seuil de distance et qui a confirmé chaque résultat.
""",
    ),
    "triage-of-seized-devices": (
        "Tri des appareils saisis",
        "Comment décider quels appareils examiner en premier, sur place et au laboratoire, pour qu'un enfant en danger soit trouvé avant que le retard ne soit résorbé.",
        """## Pourquoi trier

Une seule perquisition peut permettre de saisir des dizaines d'appareils contenant des millions de fichiers. Examiner chacun entièrement prend des mois. Le tri est un premier regard rapide et documenté qui décide quels appareils, et quelles parties de ces appareils, sont examinés en premier.

## Sur place

- Photographiez les appareils tels que vous les trouvez et notez qui les utilise.
- Cherchez des signes de contact en cours avec des enfants : conversations ouvertes, photos récentes de l'appareil photo, messageries utilisées la nuit.
- Laissez allumés les appareils en marche lorsque le chiffrement les verrouillerait ; suivez votre procédure d'acquisition.

## Au laboratoire

Lancez d'abord la correspondance d'empreintes et le dédoublonnage : ils retirent le matériel connu et répété sans que personne ne le voie. Utilisez ensuite la classification pour ordonner le reste, et l'analyse de conversations sur les données de messagerie. Les appareils qui montrent une production récente de matériel, ou un contact avec un enfant, passent en tête de file.

## Rester défendable

- Les outils de tri ne font que lire ; utilisez des bloqueurs d'écriture et des images vérifiées lorsque votre procédure l'exige.
- Notez ce qui a été examiné, avec quel outil et quelle version, et pourquoi un appareil a été remis dans la file.
- Un appareil trié comme peu prioritaire est tout de même examiné avant la clôture du dossier.

## Prendre soin de l'équipe

Trier, c'est voir le pire matériel en premier et vite. Activez les aperçus floutés, coupez le son, partagez le travail et prévoyez des pauses.
""",
    ),
    "grooming-detection-in-chat-logs": (
        "Détection du pédopiégeage dans les conversations",
        "Ce que cherche un logiciel qui signale le pédopiégeage dans les conversations, où il se trompe, et comment utiliser ses signalements de façon équitable.",
        """## Ce que cherche le logiciel

Le pédopiégeage suit généralement des étapes reconnaissables : prendre contact et gagner la confiance, flatteries et cadeaux, isoler l'enfant des autres, demandes de secret, tester les limites par des propos sexuels, demander des images et organiser une rencontre. Les outils de détection du pédopiégeage marquent les messages qui correspondent à ces étapes et montrent comment une conversation s'est aggravée au fil du temps.

## Où il se trompe

- **La langue change.** L'argot, les émojis et les mots codés évoluent plus vite que n'importe quel modèle ; ce qu'il n'a pas vu, il le manque.
- **Le contexte.** Des plaisanteries entre adultes, l'éducation sexuelle et des conversations entre adolescents du même âge peuvent être signalées.
- **L'âge.** L'outil ne sait pas qui est un enfant ; il se fie à ce que les personnes disent d'elles-mêmes.
- **Les langues.** Les performances hors des principales langues de ses données d'entraînement sont bien plus faibles.

## Utiliser les signalements équitablement

Un signalement indique des messages à lire ; ce n'est jamais une preuve d'intention. Lisez toute la conversation avant de vous appuyer sur une partie, notez les messages qui contredisent le signalement autant que ceux qui le confirment, et indiquez qu'un logiciel a choisi ce qui a été lu en premier.

## La vie privée des autres

Les conversations contiennent les mots d'enfants et de personnes sans lien avec l'infraction. N'extrayez que les conversations dont le dossier a besoin et conservez-les avec le dossier.
""",
    ),
    "wellbeing-after-exposure": (
        "Prendre soin de soi après une exposition",
        "Ce qui est normal après avoir vu un matériel éprouvant, ce qui aide dans les heures et les jours qui suivent, et quand demander davantage de soutien.",
        """## Ce qui est normal

Après une séance difficile, beaucoup de personnes remarquent des images ou des sons qui reviennent sans prévenir, des troubles du sommeil, de l'irritabilité ou une sensation d'engourdissement. Ce sont des réactions courantes à un matériel anormal, pas des signes de faiblesse, et elles s'atténuent généralement en quelques jours.

## Dans les heures qui suivent

- Arrêtez-vous avant d'être épuisé : fixez une limite à chaque séance d'examen et respectez-la.
- Faites quelque chose de physique ou d'ordinaire avant de rentrer chez vous : une marche, une conversation sur autre chose.
- Faites un exercice d'ancrage ou de respiration si une image revient (voir Bien-être).

## Dans les jours qui suivent

Parlez à un collègue ou à un pair aidant ; vous n'avez pas besoin de décrire le matériel. Gardez vos habitudes de sommeil et d'exercice, et remarquez si vous utilisez l'alcool pour décrocher.

## Quand demander davantage

Si les réactions durent plus de quelques semaines, s'aggravent ou touchent votre vie de famille, parlez-en à la médecine du travail ou à un psychologue qui travaille avec des enquêteurs. Si vous ne vous sentez pas en sécurité, appelez maintenant une ligne d'écoute de crise : l'annuaire des services de soutien indique celles de votre pays.

## Pour les supérieurs hiérarchiques

Planifiez l'exposition : faites tourner les tâches, protégez les pauses et les congés, prenez des nouvelles après les affaires difficiles, et faites de la demande d'aide quelque chose d'ordinaire.
""",
    ),
    "human-review-of-classifier-output": (
        "Examen humain des résultats d'un classifieur",
        "Comment organiser l'examen pour que ce soient des personnes, et non des scores, qui décident.",
        """## L'examen est une tâche, pas un clic

Prévoyez du temps pour lui. Faites tourner les examinateurs, limitez la durée des séances et notez les désaccords avec l'outil : c'est ainsi que vous apprenez ses limites.

## Qui décide

Le score d'un classifieur ordonne le travail ; une personne formée décide de ce que montre un fichier. Rendez-le visible dans le dossier : le nom de l'examinateur, la décision et, quand elle diffère du score, un mot sur la raison.

## Échantillonner ce que l'outil a écarté

Les fichiers aux scores bas sont ceux où se cache le matériel manqué. Examinez un échantillon aléatoire de ces fichiers dans chaque affaire (par exemple 1 sur 200, ou au moins 50 fichiers), et augmentez l'échantillon s'il trouve quelque chose.

## Les seuils

Fixez le seuil d'examen à partir d'un pilote sur vos propres affaires, pas à partir de la valeur par défaut du fournisseur, et notez qui l'a choisi et quand. Vérifiez-le de nouveau après chaque mise à jour du modèle.

## Protéger les examinateurs

Affichez les aperçus floutés ou en niveaux de gris, coupez le son et laissez les examinateurs ne révéler que ce dont ils ont besoin. Des séances d'une ou deux heures au plus, avec des pauses, et un collègue à qui parler ensuite font partie d'un examen bien fait.
""",
    ),
    "reducing-exposure-with-tools": (
        "Réduire l'exposition avec les outils dont vous disposez",
        "Des réglages et des habitudes qui réduisent le temps que les enquêteurs passent à regarder un matériel éprouvant.",
        """## Réglages

Activez le floutage et les aperçus en niveaux de gris, coupez le son par défaut et utilisez la correspondance d'empreintes pour ne pas revoir le matériel connu.

## Ordre de travail

Lancez la correspondance d'empreintes et le dédoublonnage avant que quiconque ne regarde : les fichiers connus et répétés sortent de la file. Laissez ensuite la classification ordonner le reste, pour que le matériel le plus susceptible de compter soit examiné quand les personnes sont reposées, et examinez le texte (conversations, noms de fichiers) avant les images lorsque l'affaire le permet.

## Habitudes

Faites des pauses et parlez du travail avec vos collègues et les services de soutien. Évitez l'examen pendant la dernière heure de la journée et faites quelque chose d'ordinaire entre une séance et le retour à la maison.

## Pour les supérieurs hiérarchiques

Notez le temps d'exposition par personne et par semaine, faites passer les personnes par des tâches sans exposition et demandez comment elles vont après une affaire difficile, pas seulement quand quelque chose semble aller mal.
""",
    ),
    "admissibility-of-ai-assisted-evidence": (
        "Recevabilité des constatations assistées par l'IA",
        "Comment présenter des constatations qu'un outil a aidé à produire pour qu'elles résistent à la contestation.",
        """## Décrire la méthode

Un tribunal doit savoir ce que l'outil a fait, quelle est sa fiabilité et ce qu'une personne a vérifié. Conservez la version de l'outil, ses réglages et les notes de vérification de l'analyste.

## Communiquer les limites

Les taux d'erreur connus ont leur place dans les pièces communiquées, pas dans une note de bas de page.

## Séparer la piste de la constatation

Rédigez les constatations de sorte que chacune repose sur ce qu'une personne a vérifié : « l'analyste a visionné le fichier et a constaté … », et non « l'outil a identifié … ». Le rôle de l'outil est d'expliquer pourquoi le fichier a été examiné en premier.

## Garder ce que demandera un expert de la défense

- le nom de l'outil, sa version et la version du modèle le jour de son utilisation ;
- ses réglages et seuils, et qui les a choisis ;
- les chiffres de précision publiés par le fournisseur, et ceux de votre propre pilote ;
- les fichiers que l'outil a écartés et combien d'entre eux une personne a échantillonnés.

## S'attendre à la contestation

Si la méthode ne peut pas être expliquée sans le fournisseur, demandez-lui avant le procès s'il témoignera ou fournira des documents, et ce qu'il ne communiquera pas.
""",
    ),
    "evaluating-vendor-accuracy-claims": (
        "Évaluer les annonces de précision des fournisseurs",
        "Les questions à poser avant de se fier à un chiffre comme « précis à 99 % ».",
        """## Précis sur quoi ?

Demandez de quel jeu de données vient le chiffre, s'il ressemble à vos affaires et comment il varie selon l'âge, la couleur de peau et la qualité de l'image.

## Un seul chiffre ne suffit jamais

La « précision » mélange deux erreurs qui ne comptent pas de la même façon : le matériel que l'outil manque (faux négatifs) et le matériel qu'il signale à tort (faux positifs). Demandez les deux, au seuil que vous utiliseriez, et comment ils changent quand le seuil bouge.

## Questions pour le fournisseur

- Qui a constitué le jeu de test, et a-t-il été tenu à l'écart des données d'entraînement ?
- Combien d'images d'enfants, par tranche d'âge, contient-il ?
- Que se passe-t-il avec du matériel compressé, sombre, recadré ou filmé sur un écran ?
- À quelle fréquence le modèle change-t-il, et en serez-vous informé ?

## Testez vous-même

Menez un pilote encadré sur des données dont vous connaissez la réponse avant de vous fier à l'outil. Une affaire close, examinée entièrement par des personnes, donne les décomptes de manqués et de faux qui comptent pour vous.
""",
    ),
    "data-protection-impact-assessments": (
        "Analyses d'impact relatives à la protection des données pour les outils d'enquête",
        "Quand une AIPD est requise, qui la rédige et ce qu'elle doit couvrir.",
        """## Quand

Tout nouveau traitement susceptible d'engendrer un risque élevé pour les droits des personnes exige une analyse avant de commencer. La classification d'images d'enfants est un tel traitement.

## Quoi

| Partie | Question |
|---|---|
| Périmètre | Quelles données, de qui, en quelle quantité ? |
| Nécessité | Pourquoi cet outil ? |
| Risques | Qu'est-ce qui pourrait mal tourner, et pour qui ? |
| Mesures | Qu'est-ce qui réduit ces risques ? |
""",
    ),
}

PATHS = {
    "getting-started-with-responsible-ai": (
        "Bien débuter avec une IA responsable",
        "Six articles sur les bases à connaître avant d'utiliser un outil d'IA dans une affaire.",
    ),
    "bringing-in-a-new-tool": (
        "Adopter un nouvel outil",
        "De la première rencontre avec un fournisseur à un outil que votre service peut défendre devant un tribunal.",
    ),
}
