# ruff: noqa: E501 (prose, one text a line)
"""Demo tool texts in French: the building blocks of catalog/demo_content.py (issue 21)."""

from catalog.demo_content_i18n.words import Profile, Words
from catalog.models import Tool

WORDS = Words(
    demo_note="Fiche de démonstration fictive : cet outil n'existe pas et ne décrit aucun produit réel.",
    profiles={
        "Hash matching": Profile(
            "compare les supports saisis aux listes d'empreintes de CSAM connus, afin que le matériel connu soit reconnu sans que personne ne le revoie",
            "Il calcule une empreinte cryptographique (MD5, SHA-1) et une empreinte perceptuelle de chaque image et de chaque image vidéo, puis les compare aux listes d'empreintes que votre service est autorisé à utiliser, comme une base nationale d'empreintes de CSAM. Les correspondances exactes sont certaines ; les correspondances perceptuelles trouvent aussi les copies redimensionnées, recompressées ou légèrement recadrées et sont accompagnées d'un score de distance qu'un analyste confirme.",
            (
                "Une correspondance d'empreintes ne trouve que du matériel déjà connu : le matériel nouveau et les victimes non encore identifiées ne sont jamais trouvés.",
                "Les empreintes perceptuelles manquent les copies fortement recadrées, inversées ou recouvertes ; lors du test du fournisseur, environ 4 copies modifiées sur 100 ont été manquées.",
            ),
            "Les listes d'empreintes et les résultats concernent des victimes et des suspects. Conservez-les sur des systèmes agréés pour les données d'enquête et supprimez les rapports de correspondance avec le dossier.",
            "Reconnaître le matériel connu évite aux enquêteurs de le revoir ; une correspondance reste une piste qu'une personne confirme avant de s'y fier.",
        ),
        "Image and video classification": Profile(
            "classe les images et les vidéos en CSAM probable, contenu pour adultes ou autre, pour accélérer l'examen",
            "Un classifieur attribue à chaque fichier un score de probabilité : abus sexuel sur enfant, contenu pour adultes ou ni l'un ni l'autre. Il répartit les fichiers en files d'examen, les plus probables en premier. Les vidéos sont échantillonnées à un rythme réglable (une image par seconde par défaut) et marquées aux instants qui ont fait monter le score.",
            (
                "Les scores sont des probabilités, pas des constatations : le fournisseur annonce un rappel de 91 % pour 5 % de faux positifs sur son propre jeu de test, qui peut ne pas ressembler à vos affaires.",
                "La précision baisse sur les images sombres, en basse résolution ou fortement filtrées.",
            ),
            "Classer des images d'enfants est un traitement à haut risque : une analyse d'impact relative à la protection des données est nécessaire avant l'usage, et les scores doivent être supprimés avec le dossier.",
            "Chaque fichier retenu pour les poursuites doit être examiné par une personne ; notez les cas où l'analyste n'était pas d'accord avec le score.",
        ),
        "Age estimation": Profile(
            "estime l'âge apparent des personnes sur les images, pour aider à décider si un matériel montre un enfant",
            "Il détecte chaque personne sur une image et donne une tranche d'âge estimée avec un intervalle de confiance, par exemple de 11 à 15 ans. L'estimation sert à appuyer le jugement d'un analyste et à prioriser l'examen, pas à remplacer un avis médical ou d'expert.",
            (
                "Des erreurs de trois à cinq ans sont courantes, et plus grandes à la fin de l'adolescence, là où se situe généralement la limite légale.",
                "La précision varie selon la couleur de peau, le maquillage, l'éclairage et la pose ; demandez au fournisseur ses chiffres par groupe.",
            ),
            "Estimer l'âge d'une personne à partir de son visage traite des données biométriques ; la base légale et la durée de conservation doivent être fixées avant l'usage.",
            "Une estimation d'âge ne doit jamais être le seul fondement d'une poursuite ; communiquez la méthode et sa marge d'erreur.",
        ),
        "Face matching": Profile(
            "propose des correspondances possibles entre les visages des supports d'un dossier, pour aider à identifier les victimes et les auteurs",
            "Il détecte les visages, transforme chacun en gabarit et liste les paires de visages qui peuvent appartenir à la même personne, classées par similarité. La comparaison ne porte que sur les supports chargés pour un dossier ; il ne cherche ni sur Internet ni dans d'autres bases, sauf si votre service en connecte une sur sa propre base légale.",
            (
                "Un score de similarité n'est pas une identification : les fausses correspondances augmentent fortement avec les visages d'enfants, la basse résolution et les grands écarts d'âge entre les images.",
                "Les performances diffèrent selon les groupes démographiques ; le fournisseur ne publie des chiffres que pour les adultes.",
            ),
            "Les gabarits de visage sont des données biométriques, une catégorie particulière dans la plupart des lois sur la protection des données. Supprimez-les avec le dossier et ne les versez jamais dans une base permanente.",
            "Toute comparaison au-delà des supports saisis exige sa propre base légale et un contrôle ; notez qui a confirmé chaque identification.",
        ),
        "Object and scene detection": Profile(
            "repère sur les images des objets, des logos, du texte et des scènes qui aident à localiser les victimes",
            "Il étiquette ce qui apparaît sur chaque image (meubles, uniformes scolaires, étiquettes de produits, prises électriques, paysages) et permet à un analyste de chercher dans une saisie toutes les images qui montrent un objet ou une pièce donnés. Les équipes d'identification des victimes s'en servent pour regrouper les images prises au même endroit.",
            (
                "Les étiquettes viennent d'un vocabulaire fixe d'environ 3 000 objets ; les objets rares ou régionaux sont souvent manqués.",
                "Il ne dit pas où se trouve une scène : c'est le travail d'un analyste ou d'un outil de géolocalisation.",
            ),
            "Les étiquettes d'images d'enfants sont des données personnelles les concernant ; conservez-les avec le dossier.",
            "Partager des extraits de scènes hors du service pour une identification doit suivre votre protocole d'identification des victimes.",
        ),
        "Deduplication": Profile(
            "retire les doublons et quasi-doublons des grandes saisies, afin que chaque élément ne soit examiné qu'une fois",
            "Il regroupe les copies exactes par empreinte et les quasi-copies (redimensionnées, recompressées, renommées) par similarité visuelle, garde un représentant de chaque groupe et note où chaque copie a été trouvée, pour que le décompte des éléments reste juste pour les poursuites.",
            (
                "Le regroupement des quasi-doublons peut réunir deux images différentes qui se ressemblent ; vérifiez les groupes avant de poursuivre sur des décomptes.",
                "Les archives chiffrées doivent d'abord être ouvertes ; il ne déchiffre pas.",
            ),
            "Il traite des données d'enquête : utilisez-le sur des systèmes agréés et conservez ses rapports avec le dossier.",
            "Moins de visionnages du même matériel, c'est moins d'exposition pour le personnel.",
        ),
        "Triage and prioritisation": Profile(
            "classe les signalements reçus et les appareils saisis, afin que les enfants en danger immédiat passent en premier",
            "Il lit les signalements (par exemple les signalements de CSAM des plateformes en ligne) et les premières extractions d'appareils, leur attribue un score selon les signes d'abus en cours, de contact avec des enfants ou de matériel nouvellement produit, et ordonne la file. Chaque score indique les raisons qui l'ont fait monter, pour qu'un supérieur hiérarchique puisse le corriger.",
            (
                "Il classe, il n'écarte pas : un score bas ne veut pas dire qu'un signalement peut être clos sans risque.",
                "La pondération reflète les services pilotes du fournisseur ; ajustez-la avec vos propres supérieurs hiérarchiques.",
            ),
            "Il traite des signalements sur des suspects et des victimes ; l'accès doit être limité à l'équipe de tri et les décisions journalisées.",
            "Notez pourquoi un classement a été accepté ou corrigé : une priorisation automatisée décide qui est examiné en premier.",
        ),
        "OCR and text analysis": Profile(
            "lit le texte des images, captures d'écran et documents et le rend consultable",
            "La reconnaissance optique de caractères extrait le texte imprimé et manuscrit des images, numérisations et captures d'écran ; le texte est ensuite indexé, avec les noms, pseudonymes, numéros de téléphone et adresses mis en évidence, pour qu'un analyste puisse chercher un pseudonyme dans toute une saisie.",
            (
                "L'écriture manuscrite et les polices stylisées sont mal lues ; vérifiez chaque identifiant extrait.",
                "Les langues hors de sa liste sont extraites en caractères mais pas analysées.",
            ),
            "Les noms et identifiants extraits sont aussi des données personnelles de tiers ; conservez-les avec le dossier.",
            "Les identifiants trouvés par un logiciel sont des pistes ; confirmez-les avant toute action contre une personne.",
        ),
        "Grooming and chat analysis": Profile(
            "signale les schémas de pédopiégeage dans les conversations, comme les demandes de secret, les cadeaux et le passage à des canaux privés",
            "Il lit les exports de conversations des téléphones et des plateformes, reconstitue les échanges et marque les messages qui correspondent aux étapes connues du pédopiégeage : gagner la confiance, isoler l'enfant, demander le secret, parler de sexe et organiser une rencontre. Une chronologie montre comment la conversation s'est aggravée, et chaque signalement renvoie aux messages concernés.",
            (
                "L'argot, les émojis et les mots codés changent vite : la détection du pédopiégeage manque ce qu'elle n'a jamais vu et signale des plaisanteries entre adultes.",
                "Il ne connaît pas l'âge des personnes d'une conversation ; il se fie à ce qu'elles disent.",
            ),
            "Les conversations contiennent les mots d'enfants et de personnes sans lien avec l'infraction ; limitez l'extraction au nécessaire et conservez-la avec le dossier.",
            "Un signalement n'est pas une preuve d'intention : la conversation entière doit être lue dans son contexte avant d'être utilisée.",
        ),
        "Audio analysis": Profile(
            "transcrit et rend consultables l'audio et le son des vidéos",
            "La parole est transcrite avec horodatage et les locuteurs sont séparés, pour qu'un analyste puisse chercher un nom ou une phrase dans des heures d'enregistrement et n'écouter que les passages utiles. Les sons de fond (circulation, annonces, langues parlées) sont étiquetés pour aider à situer un enregistrement.",
            (
                "Les transcriptions de voix d'enfants, de chuchotements et de pièces bruyantes contiennent beaucoup d'erreurs.",
                "La séparation des locuteurs n'identifie personne ; elle distingue seulement les voix.",
            ),
            "Les voix sont des données personnelles et peuvent être des données biométriques ; ne conservez pas d'empreintes vocales au-delà du dossier.",
            "Écouter, c'est aussi être exposé : coupez le son par défaut et transcrivez d'abord.",
        ),
        "OSINT and dark-web monitoring": Profile(
            "surveille les sources ouvertes et les services cachés pour trouver des pistes sur les auteurs et le matériel nouveau",
            "Il collecte les messages de forums, de services cachés et de réseaux sociaux publics que votre service est habilité à surveiller, les regroupe par auteur et pseudonyme, et alerte quand un pseudonyme, une phrase ou une empreinte surveillés apparaissent. Les pages collectées sont archivées avec horodatage et somme de contrôle, comme preuve.",
            (
                "Il ne voit que ce qui est accessible publiquement ; les groupes fermés exigent un agent infiltré et l'autorisation correspondante.",
                "Le rapprochement des pseudonymes est probabiliste et doit être confirmé.",
            ),
            "Il collecte des données personnelles de nombreuses personnes qui ne sont pas suspectes ; la base légale de la surveillance doit être consignée et la collecte limitée à la finalité.",
            "La surveillance systématique des sources ouvertes peut constituer une surveillance au sens du droit ; elle exige une autorisation et un réexamen périodique.",
        ),
        "Geolocation": Profile(
            "suggère où une photo ou une vidéo a été prise, d'après ses métadonnées et ce qu'elle montre",
            "Il lit les métadonnées de localisation quand elles existent et, sinon, compare les silhouettes urbaines, la végétation, le marquage routier, les panneaux et les prises électriques à des images de référence pour proposer des régions candidates, chacune avec ses raisons. Les équipes d'identification des victimes s'en servent pour décider à quel pays demander de l'aide.",
            (
                "La plupart des images partagées ont perdu leurs métadonnées ; les estimations visuelles ne dépassent souvent pas l'échelle du pays.",
                "Les images d'intérieur donnent rarement un lieu.",
            ),
            "Un lieu peut désigner le domicile d'une victime ; ne partagez les candidats que par vos canaux d'identification des victimes.",
            "Agir sur un lieu candidat exige d'abord une corroboration.",
        ),
        "Network and metadata analysis": Profile(
            "relie comptes, appareils et paiements grâce à leurs métadonnées",
            "Il importe les données d'abonnés, journaux d'adresses IP, identifiants d'appareils et données de paiement obtenus avec les réquisitions adéquates et trace les liens entre eux sous forme de graphe, pour qu'un analyste voie quels comptes partagent un appareil ou une adresse au fil du temps.",
            (
                "Les adresses IP partagées (réseaux mobiles, VPN, cafés) créent de faux liens.",
                "Le graphe n'est complet que dans la mesure des réquisitions qui ont obtenu les données.",
            ),
            "Les données de communication sont strictement encadrées ; notez la réquisition à l'origine de chaque donnée importée et supprimez ce dont le dossier n'a pas besoin.",
            "Des personnes reliées par une adresse commune ne sont pas suspectes pour cette seule raison.",
        ),
        "Redaction and blurring": Profile(
            "floute, passe en niveaux de gris ou masque le matériel, pour que les enquêteurs en voient moins",
            "Les aperçus sont floutés ou affichés en niveaux de gris par défaut ; un clic ne révèle que la partie dont l'analyste a besoin, et le son reste coupé jusqu'à la demande. Pour la communication des pièces, visages et corps peuvent être masqués et la copie masquée exportée avec un journal de chaque modification.",
            (
                "Le masquage automatique manque certains visages et corps ; vérifiez les copies exportées image par image avant toute communication.",
                "Le floutage réduit l'exposition ; il ne la supprime pas.",
            ),
            "Il traite des données d'enquête ; les copies exportées sont des preuves et doivent être contrôlées comme telles.",
            "Conçu pour réduire l'exposition des enquêteurs à un matériel éprouvant.",
        ),
        "Translation": Profile(
            "traduit conversations, documents et transcriptions pour l'examen",
            "La traduction automatique rend les conversations, documents et transcriptions en langue étrangère dans la langue de l'examinateur, avec l'original à côté de chaque ligne. L'argot et les abréviations courants dans les conversations sont signalés quand la traduction est incertaine.",
            (
                "La traduction automatique de l'argot et du langage sexuel n'est pas fiable ; un interprète qualifié doit vérifier tout ce sur quoi l'on s'appuie.",
                "Les langues rares sont traduites en passant par l'anglais, ce qui perd des nuances.",
            ),
            "Le texte envoyé en traduction est une donnée d'enquête ; en déploiement cloud il quitte votre réseau : vérifiez l'accord de traitement du fournisseur.",
            "Une erreur de traduction peut changer le sens d'un message ; indiquez que la traduction était automatique.",
        ),
    },
    maturity={
        Tool.Maturity.RESEARCH: "Maturité : prototype de recherche issu d'un projet universitaire, sans accord de niveau de service ; à réserver à des pilotes encadrés.",
        Tool.Maturity.PILOT: "Maturité : en pilote dans quelques services ; les fonctions changent encore d'une version à l'autre et le fournisseur demande des retours.",
        Tool.Maturity.PRODUCTION: "Maturité : en production ; les versions sont numérotées, les notes de version publiées et l'assistance répond en un jour ouvré.",
    },
    licence={
        "Open source": "Il est open source : votre propre personnel peut examiner et auditer le code.",
        "Free for law enforcement": "Il est gratuit pour les forces de l'ordre, une fois que le fournisseur a vérifié le service.",
        "Commercial": "Il est vendu sous licence commerciale, au poste ; renseignez-vous sur les conditions pour tout le service.",
    },
    deployment={
        "On-premises": "Sur site : installé sur vos propres serveurs ; les données d'enquête restent sur votre réseau.",
        "Cloud": "Cloud : exploité par le fournisseur dans son cloud ; les données d'enquête quittent votre réseau pour le centre de données du fournisseur.",
        "Hybrid": "Hybride : l'analyse tourne sur vos serveurs et seules les mises à jour des modèles viennent du cloud du fournisseur.",
        "Air-gapped": "Isolé du réseau : il peut fonctionner sans connexion, avec des mises à jour livrées sur supports signés.",
    },
    summary="{name} {purpose}. (Fiche de démonstration.)",
    also="Autres fonctions : {names}.",
    description=(
        "**{note}**\n\n{name} {purpose}.\n\n{how}{also}\n\n"
        "## Ce qu'il traite\n\n"
        "- Données : {data}.\n"
        "- Langues (de ses écrans et des textes ou paroles qu'il lit) : {languages}.\n"
        "- Fonctionne sur : {platforms}.\n"
        "- Disponible dans les pays suivants : {countries}.\n"
        "- Étapes de l'enquête : {stages}.\n\n"
        "## Déploiement et licence\n\n{deployment}\n\n{maturity} {licence}\n\n"
        "## Limites connues\n\n{limits}\n\n"
        "## Avant de l'utiliser\n\n"
        "Demandez à votre conseiller juridique quel pouvoir couvre le traitement, réalisez une analyse d'impact relative à la protection des données et menez un pilote encadré sur un dossier dont vous connaissez déjà les réponses. Les chiffres ci-dessus sont ceux du fournisseur (fictif) ; testez-les sur vos données."
    ),
    cloud=" En déploiement cloud, les données d'enquête quittent votre réseau : vérifiez le pays du centre de données et l'accord de traitement, et que le fournisseur ne peut pas entraîner ses modèles sur elles.",
    demo_text="(Texte de démonstration.)",
    separator=", ",
    lowercase=True,
)
