# ruff: noqa: E501 (prose, one text a line)
"""Demo tool texts in Spanish: the building blocks of catalog/demo_content.py (issue 21)."""

from catalog.demo_content_i18n.words import Profile, Words
from catalog.models import Tool

WORDS = Words(
    demo_note="Ficha de demostración ficticia: esta herramienta no existe y no describe ningún producto real.",
    profiles={
        "Hash matching": Profile(
            "compara los soportes incautados con listas de hashes de CSAM conocido, para que el material conocido se reconozca sin que nadie vuelva a verlo",
            "Calcula un hash criptográfico (MD5, SHA-1) y un hash perceptual de cada imagen y de cada fotograma de vídeo y los compara con las listas de hashes que su organismo está autorizado a usar, como una base de datos nacional de hashes de CSAM. Las coincidencias exactas son seguras; las perceptuales también encuentran copias redimensionadas, recomprimidas o ligeramente recortadas y llevan una puntuación de distancia que confirma un analista.",
            (
                "Una coincidencia de hash solo encuentra material ya conocido: el material nuevo y las víctimas aún no identificadas nunca coinciden.",
                "Los hashes perceptuales no detectan copias muy recortadas, invertidas o superpuestas; en la prueba del propio proveedor se escaparon unas 4 de cada 100 copias alteradas.",
            ),
            "Las listas de hashes y los resultados se refieren a víctimas y sospechosos. Guárdelos en sistemas acreditados para datos de casos y elimine los informes de coincidencias junto con el caso.",
            "Reconocer el material conocido evita que los investigadores vuelvan a verlo; una coincidencia sigue siendo una pista que una persona confirma antes de darla por buena.",
        ),
        "Image and video classification": Profile(
            "clasifica imágenes y vídeos como probable CSAM, contenido para adultos u otro material, para acelerar la revisión",
            "Un clasificador puntúa cada archivo según la probabilidad de que muestre abuso sexual infantil, contenido para adultos o ninguno de los dos, y reparte los archivos en colas de revisión, primero los más probables. El vídeo se muestrea a un ritmo configurable (un fotograma por segundo por defecto) y se marca en los momentos que elevaron la puntuación.",
            (
                "Las puntuaciones son probabilidades, no conclusiones: el proveedor declara una exhaustividad del 91 % con un 5 % de falsos positivos en su propio conjunto de prueba, que puede no parecerse a sus casos.",
                "La precisión baja con imágenes oscuras, de baja resolución o muy filtradas.",
            ),
            "Clasificar imágenes de niños es un tratamiento de alto riesgo: se necesita una evaluación de impacto en la protección de datos antes del uso, y las puntuaciones deben eliminarse con el caso.",
            "Todo archivo que se impute debe revisarlo una persona; anote cuándo el analista no estuvo de acuerdo con la puntuación.",
        ),
        "Age estimation": Profile(
            "estima la edad aparente de las personas en imágenes, para ayudar a decidir si un material muestra a un niño",
            "Detecta a cada persona en una imagen y da un rango de edad estimado con un intervalo de confianza, por ejemplo de 11 a 15 años. La estimación sirve para apoyar el criterio de un analista y priorizar la revisión, no para sustituir un dictamen médico o pericial.",
            (
                "Son habituales errores de tres a cinco años, mayores al final de la adolescencia, donde suele estar el límite legal.",
                "La precisión varía según el tono de piel, el maquillaje, la iluminación y la postura; pida al proveedor sus cifras por grupo.",
            ),
            "Estimar la edad de una persona a partir de su rostro trata datos biométricos; la base jurídica y la conservación deben fijarse antes del uso.",
            "Una estimación de edad nunca debe ser la única base de una imputación; revele el método y su margen de error.",
        ),
        "Face matching": Profile(
            "sugiere posibles coincidencias entre los rostros de los soportes de un caso, para ayudar a identificar a víctimas y autores",
            "Detecta los rostros, convierte cada uno en una plantilla y enumera los pares de rostros que pueden pertenecer a la misma persona, ordenados por similitud. La comparación solo se hace dentro de los soportes cargados para un caso; no busca en internet ni en otras bases de datos salvo que su organismo conecte una con su propia base jurídica.",
            (
                "Una puntuación de similitud no es una identificación: las coincidencias falsas aumentan mucho con rostros de niños, baja resolución y grandes diferencias de edad entre imágenes.",
                "El rendimiento difiere entre grupos demográficos; el proveedor solo publica cifras de adultos.",
            ),
            "Las plantillas faciales son datos biométricos, una categoría especial en la mayoría de las leyes de protección de datos. Elimínelas con el caso y nunca las añada a una base de datos permanente.",
            "Comparar con cualquier cosa más allá de los soportes incautados requiere su propia base jurídica y supervisión; anote quién confirmó cada identificación.",
        ),
        "Object and scene detection": Profile(
            "encuentra en las imágenes objetos, logotipos, texto y escenas que ayudan a localizar a las víctimas",
            "Etiqueta lo que aparece en cada imagen (muebles, uniformes escolares, etiquetas de productos, enchufes, paisajes) y permite a un analista buscar en una incautación todas las imágenes que muestran un objeto o una habitación. Los equipos de identificación de víctimas lo usan para agrupar imágenes tomadas en el mismo lugar.",
            (
                "Las etiquetas provienen de un vocabulario fijo de unos 3000 objetos; los objetos poco comunes o regionales a menudo no se detectan.",
                "No dice dónde está una escena: eso es trabajo de un analista o de una herramienta de geolocalización.",
            ),
            "Las etiquetas de imágenes de niños son datos personales sobre ellos; guárdelas con el caso.",
            "Compartir recortes de escenas fuera del organismo para su identificación debe seguir su protocolo de identificación de víctimas.",
        ),
        "Deduplication": Profile(
            "elimina archivos duplicados y casi duplicados de grandes incautaciones, para que cada elemento se revise una sola vez",
            "Agrupa las copias exactas por hash y las casi copias (redimensionadas, recomprimidas, renombradas) por similitud visual, conserva un representante de cada grupo y registra dónde se encontró cada copia, para que el recuento de elementos siga siendo correcto para la imputación.",
            (
                "La agrupación de casi duplicados puede unir dos imágenes distintas que se parecen; revise los grupos antes de imputar sobre recuentos.",
                "Los archivos comprimidos cifrados deben abrirse antes; no descifra.",
            ),
            "Trabaja con datos de casos: úselo en sistemas acreditados y guarde sus informes con el caso.",
            "Menos visionados del mismo material significan menos exposición para el personal.",
        ),
        "Triage and prioritisation": Profile(
            "ordena las denuncias recibidas y los dispositivos incautados, para que los niños en riesgo inmediato vayan primero",
            "Lee las denuncias (por ejemplo, las denuncias de CSAM de plataformas en línea) y las primeras extracciones de dispositivos, las puntúa según indicios de abuso en curso, contacto con niños o material de producción reciente, y ordena la cola. Cada puntuación incluye los motivos que la elevaron, para que un superior jerárquico pueda corregirla.",
            (
                "Ordena, no descarta: una puntuación baja no significa que una denuncia pueda cerrarse sin riesgo.",
                "La ponderación refleja los organismos piloto del proveedor; ajústela con sus propios superiores jerárquicos.",
            ),
            "Trata denuncias sobre sospechosos y víctimas; el acceso debe limitarse al equipo de triaje y las decisiones deben registrarse.",
            "Anote por qué se aceptó o se corrigió un orden: la priorización automatizada decide a quién se examina primero.",
        ),
        "OCR and text analysis": Profile(
            "lee el texto de imágenes, capturas de pantalla y documentos y permite buscarlo",
            "El reconocimiento óptico de caracteres extrae texto impreso y manuscrito de imágenes, escaneos y capturas de pantalla; después el texto se indexa con los nombres, nombres de usuario, teléfonos y direcciones destacados, para que un analista pueda buscar un nombre de usuario en toda una incautación.",
            (
                "La escritura a mano y las tipografías estilizadas se leen mal; compruebe cada identificador extraído.",
                "Los idiomas que no están en su lista se extraen como caracteres, pero no se analizan.",
            ),
            "Los nombres e identificadores extraídos son también datos personales de terceros; guárdelos con el caso.",
            "Los identificadores hallados por un programa son pistas; confírmelos antes de actuar contra una persona.",
        ),
        "Grooming and chat analysis": Profile(
            "señala patrones de grooming en los chats, como peticiones de secreto, regalos y el paso a canales privados",
            "Lee exportaciones de chats de teléfonos y plataformas, reconstruye las conversaciones y marca los mensajes que corresponden a etapas conocidas del grooming: ganarse la confianza, aislar al niño, pedir secreto, hablar de sexo y concertar un encuentro. Una cronología muestra cómo se agravó la conversación, y cada señal enlaza con los mensajes que la originan.",
            (
                "La jerga, los emojis y las palabras en clave cambian rápido: la detección de grooming no ve lo que nunca ha visto y señala bromas entre adultos.",
                "No conoce la edad de las personas de un chat; se basa en lo que dicen.",
            ),
            "Los chats contienen palabras de niños y de personas ajenas al delito; extraiga solo lo necesario y guárdelo con el caso.",
            "Una señal no prueba la intención: antes de usarla hay que leer la conversación completa en su contexto.",
        ),
        "Audio analysis": Profile(
            "transcribe el audio y el sonido de los vídeos y permite buscar en ellos",
            "La voz se transcribe con marcas de tiempo y se separan los hablantes, para que un analista pueda buscar un nombre o una frase en horas de grabación y escuchar solo los pasajes que importan. Los sonidos de fondo (tráfico, avisos, idiomas hablados) se etiquetan para ayudar a situar una grabación.",
            (
                "Las transcripciones de voces infantiles, susurros y lugares ruidosos contienen muchos errores.",
                "La separación de hablantes no identifica a nadie; solo distingue voces.",
            ),
            "Las voces son datos personales y pueden ser datos biométricos; no conserve huellas de voz más allá del caso.",
            "Escuchar también es exposición: silencie el audio por defecto y transcriba primero.",
        ),
        "OSINT and dark-web monitoring": Profile(
            "vigila fuentes abiertas y servicios ocultos en busca de pistas sobre autores y material nuevo",
            "Recoge publicaciones de foros, servicios ocultos y redes sociales públicas que su organismo está facultado para vigilar, las agrupa por autor y alias, y avisa cuando aparece un nombre de usuario, una frase o un hash vigilados. Las páginas recogidas se archivan con marca de tiempo y suma de verificación como prueba.",
            (
                "Solo ve lo que es accesible públicamente; los grupos cerrados requieren un agente encubierto y la autorización correspondiente.",
                "La vinculación de alias es probabilística y debe confirmarse.",
            ),
            "Recoge datos personales de muchas personas que no son sospechosas; debe registrarse la base jurídica de la vigilancia y limitarse la recogida a su finalidad.",
            "La vigilancia sistemática de fuentes abiertas puede ser una forma de vigilancia; requiere autorización y revisión periódica.",
        ),
        "Geolocation": Profile(
            "sugiere dónde se tomó una foto o un vídeo, a partir de sus metadatos y de lo que muestra",
            "Lee los metadatos de ubicación cuando existen y, si no, compara siluetas urbanas, vegetación, señalización vial, carteles y enchufes con imágenes de referencia para proponer regiones candidatas, cada una con sus motivos. Los equipos de identificación de víctimas usan las candidatas para decidir a qué país pedir ayuda.",
            (
                "La mayoría de las imágenes compartidas han perdido sus metadatos; las estimaciones visuales a menudo solo llegan al nivel de país.",
                "Las imágenes de interiores rara vez indican un lugar.",
            ),
            "Un lugar puede identificar el domicilio de una víctima; comparta las candidatas solo por sus canales de identificación de víctimas.",
            "Actuar sobre un lugar candidato requiere corroborarlo antes.",
        ),
        "Network and metadata analysis": Profile(
            "vincula cuentas, dispositivos y pagos a través de sus metadatos",
            "Importa datos de abonados, registros de IP, identificadores de dispositivos y datos de pago obtenidos con las órdenes judiciales adecuadas y dibuja los vínculos entre ellos como un grafo, para que un analista vea qué cuentas comparten un dispositivo o una dirección a lo largo del tiempo.",
            (
                "Las direcciones IP compartidas (redes móviles, VPN, cafeterías) crean vínculos falsos.",
                "El grafo solo es tan completo como las órdenes con las que se obtuvieron los datos.",
            ),
            "Los datos de comunicaciones están muy regulados; anote la orden que respalda cada registro importado y elimine lo que el caso no necesite.",
            "Las personas vinculadas por una dirección compartida no son sospechosas solo por eso.",
        ),
        "Redaction and blurring": Profile(
            "difumina, pasa a escala de grises u oculta el material, para que los investigadores vean menos",
            "Las vistas previas se difuminan o se muestran en escala de grises por defecto, y un clic revela solo la parte que el analista necesita; el audio queda silenciado hasta que se pida. Para la revelación de pruebas, se pueden ocultar rostros y cuerpos y exportar la copia ocultada con un registro de cada cambio.",
            (
                "La ocultación automática no detecta algunos rostros y cuerpos; revise las copias exportadas fotograma a fotograma antes de revelarlas.",
                "El difuminado reduce la exposición; no la elimina.",
            ),
            "Trabaja con datos de casos; las copias exportadas son pruebas y deben controlarse como tales.",
            "Diseñado para reducir la exposición de los investigadores a material perturbador.",
        ),
        "Translation": Profile(
            "traduce chats, documentos y transcripciones para su revisión",
            "La traducción automática pasa chats, documentos y transcripciones en otros idiomas al idioma del revisor, con el original junto a cada línea. La jerga y las abreviaturas habituales en los chats se señalan cuando la traducción es dudosa.",
            (
                "La traducción automática de la jerga y del lenguaje sexual no es fiable; un intérprete cualificado debe revisar todo aquello en lo que se base.",
                "Los idiomas poco comunes se traducen pasando por el inglés, lo que pierde matices.",
            ),
            "El texto enviado a traducir son datos del caso; con un despliegue en la nube sale de su red, así que revise el acuerdo de tratamiento del proveedor.",
            "Una mala traducción puede cambiar el sentido de un mensaje; indique que la traducción fue automática.",
        ),
    },
    maturity={
        Tool.Maturity.RESEARCH: "Madurez: prototipo de investigación de un proyecto universitario, sin acuerdo de nivel de servicio; solo apto para pilotos supervisados.",
        Tool.Maturity.PILOT: "Madurez: en piloto con algunos organismos; las funciones aún cambian entre versiones y el proveedor pide comentarios.",
        Tool.Maturity.PRODUCTION: "Madurez: en producción; las versiones están numeradas, se publican notas de cambios y el soporte responde en un día laborable.",
    },
    licence={
        "Open source": "Es de código abierto: su propio personal puede inspeccionar y auditar el código.",
        "Free for law enforcement": "Es gratuito para las fuerzas del orden, una vez que el proveedor ha verificado el organismo.",
        "Commercial": "Se vende con licencia comercial, por puesto; pregunte por condiciones para todo el organismo.",
    },
    deployment={
        "On-premises": "Local: se instala en sus propios servidores, así que los datos del caso se quedan en su red.",
        "Cloud": "Nube: lo opera el proveedor en su nube, así que los datos del caso salen de su red hacia el centro de datos del proveedor.",
        "Hybrid": "Híbrido: el análisis se ejecuta en sus servidores y solo las actualizaciones de modelos llegan de la nube del proveedor.",
        "Air-gapped": "Aislado de la red: puede funcionar sin conexión, con actualizaciones entregadas en soportes firmados.",
    },
    summary="{name} {purpose}. (Ficha de demostración.)",
    also="Otras funciones: {names}.",
    description=(
        "**{note}**\n\n{name} {purpose}.\n\n{how}{also}\n\n"
        "## Con qué trabaja\n\n"
        "- Datos: {data}.\n"
        "- Idiomas (de sus pantallas y de los textos o la voz que lee): {languages}.\n"
        "- Funciona en: {platforms}.\n"
        "- Disponible en estos países: {countries}.\n"
        "- Etapas de la investigación: {stages}.\n\n"
        "## Despliegue y licencia\n\n{deployment}\n\n{maturity} {licence}\n\n"
        "## Límites conocidos\n\n{limits}\n\n"
        "## Antes de usarlo\n\n"
        "Pregunte a su asesor jurídico qué facultad cubre el tratamiento, realice una evaluación de impacto en la protección de datos y haga un piloto supervisado con un caso cuyas respuestas ya conozca. Las cifras anteriores son del propio proveedor (ficticio); compruébelas con sus datos."
    ),
    cloud=" Con el despliegue en la nube los datos del caso salen de su red: compruebe el país del centro de datos y el acuerdo de tratamiento, y que el proveedor no pueda entrenar con ellos.",
    demo_text="(Texto de demostración.)",
    separator=", ",
    lowercase=True,
)
