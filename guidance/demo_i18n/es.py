# ruff: noqa: E501 (prose)
"""Guidance demo content in Spanish (issue 21): see guidance/demo_i18n/__init__.py."""

ARTICLES = {
    "before-face-matching-on-seized-media": (
        "Antes de usar la comparación facial en soportes incautados",
        "Lo que la comparación facial puede y no puede decirle, la base jurídica que necesita y cómo registrar una coincidencia para que resista una impugnación.",
        """## Qué hace la herramienta

Una herramienta de comparación facial encuentra rostros en imágenes y vídeos, convierte cada uno en una plantilla numérica y enumera los pares de rostros que pueden mostrar a la misma persona, ordenados por una puntuación de similitud. Usada dentro de una sola incautación, ayuda a agrupar imágenes del mismo niño, a vincular a una víctima entre varios casos y a encontrar las imágenes en las que aparece un autor.

Una puntuación de similitud no es una identificación. Indica que dos rostros se parecen para el programa; una persona formada decide si son la misma persona, y esa decisión es la que usted utiliza.

## La base jurídica

Las plantillas faciales son datos biométricos, una categoría especial en la mayoría de las leyes de protección de datos. La comparación dentro de soportes incautados con una orden judicial suele estar cubierta por la finalidad de esa orden. La comparación con cualquier otra cosa — una base de datos de fotografías de detenidos, otro caso, un sitio web público — es un tratamiento nuevo con su propia base jurídica, y en varios países requiere autorización previa. Consulte a su asesor jurídico antes del primer caso y escriba la respuesta en la evaluación de impacto en la protección de datos.

## Precisión con rostros de niños

Las cifras de precisión de los proveedores suelen proceder de adultos fotografiados con buena luz. Los rostros de los niños cambian rápido, las imágenes de los soportes incautados suelen ser pequeñas, oscuras o comprimidas, y las tasas de error difieren entre grupos demográficos. Antes de confiar en una herramienta:

- pida al proveedor cifras sobre niños, por franja de edad y por grupo;
- haga un piloto con un caso cerrado cuyas identificaciones ya se conozcan;
- fije el umbral de revisión a partir de ese piloto, no del valor por defecto.

## Registrar una coincidencia

Para cada identificación sobre la que actúe, registre la herramienta y su versión, el umbral, la puntuación, quién revisó el par y qué más respalda la identificación. Un tribunal preguntará cómo se obtuvo la coincidencia y con qué frecuencia se equivoca el método: revele las tasas de error conocidas.

## Límites que protegen a las personas

- Elimine las plantillas con el caso; nunca las añada a una base de datos permanente.
- Limite quién puede hacer búsquedas y registre cada búsqueda.
- Nunca actúe contra una persona solo por una coincidencia.
""",
    ),
    "hash-matching-explained": (
        "Coincidencia de hash: lo que le dice una coincidencia",
        "Hashes criptográficos y perceptuales, listas de hashes de CSAM y por qué la coincidencia de hash solo encuentra lo que ya se conoce.",
        """## Dos tipos de hash

Un **hash criptográfico** (MD5, SHA-1, SHA-256) es la huella de los bytes exactos de un archivo: si cambia un píxel, cambia el hash. Una coincidencia significa que el archivo es idéntico a uno ya categorizado. Un **hash perceptual** (como PhotoDNA o PDQ) describe el aspecto de una imagen, de modo que las copias redimensionadas o recomprimidas siguen coincidiendo; cada coincidencia lleva una distancia, y una distancia pequeña es una pista sólida, no una certeza.

## Listas de hashes

Los centros nacionales y los organismos internacionales mantienen listas de hashes de material de abuso sexual infantil (CSAM) conocido y categorizado. Su organismo necesita el derecho a usar cada lista, y las reglas propias de la lista (quién puede verla, si se pueden compartir los resultados) van con ella. Use la versión más reciente: las listas crecen cada semana.

## Lo que le aporta una coincidencia

- El material conocido se aparta sin que nadie vuelva a verlo, lo que protege a su personal.
- Los recuentos de material conocido por categoría están listos para la decisión de imputación.
- Los analistas pueden dedicar su tiempo a lo que no coincide, que es donde se encuentran nuevas víctimas.

## Lo que no puede hacer

La coincidencia de hash nunca encuentra material nuevo. Un dispositivo sin coincidencias no es un dispositivo limpio, y las imágenes más importantes de un caso suelen ser las que ninguna lista contiene. Combínela con la clasificación y la revisión humana para el resto.

## Registro

Anote la lista y su versión, la herramienta y su versión y, para las coincidencias perceptuales, el umbral de distancia y quién confirmó cada coincidencia.
""",
    ),
    "triage-of-seized-devices": (
        "Triaje de dispositivos incautados",
        "Cómo decidir qué dispositivos examinar primero, en el lugar y en el laboratorio, para encontrar a un niño en riesgo antes de eliminar el atraso.",
        """## Por qué hacer triaje

Un solo registro puede incautar decenas de dispositivos con millones de archivos. Examinar cada uno por completo lleva meses. El triaje es una primera revisión rápida y documentada que decide qué dispositivos, y qué partes de ellos, se examinan primero.

## En el lugar

- Fotografíe los dispositivos tal como se encuentran y anote quién los usa.
- Busque indicios de contacto en curso con niños: chats abiertos, fotos recientes de la cámara, aplicaciones de mensajería usadas de noche.
- Mantenga encendidos los dispositivos que estén en marcha cuando el cifrado los bloquearía; siga su procedimiento de obtención.

## En el laboratorio

Ejecute primero la coincidencia de hash y la eliminación de duplicados: retiran el material conocido y repetido sin que nadie lo vea. Después use la clasificación para ordenar lo que queda, y el análisis de chats con los datos de mensajería. Los dispositivos que muestran producción reciente de material, o contacto con un niño, pasan al principio de la cola.

## Que sea defendible

- Las herramientas de triaje solo leen; use bloqueadores de escritura e imágenes verificadas cuando su procedimiento lo exija.
- Registre qué se revisó, con qué herramienta y versión, y por qué un dispositivo volvió a la cola.
- Un dispositivo clasificado como de baja prioridad se examina igualmente antes de cerrar el caso.

## Cuidar al equipo

El triaje significa ver primero y deprisa el peor material. Active las vistas previas difuminadas, silencie el audio, reparta el trabajo y planifique pausas.
""",
    ),
    "grooming-detection-in-chat-logs": (
        "Detección de grooming en chats",
        "Qué busca el software que señala el grooming en los chats, dónde se equivoca y cómo usar sus señales de forma justa.",
        """## Qué busca el software

El grooming suele seguir etapas reconocibles: establecer contacto y ganarse la confianza, halagos y regalos, aislar al niño de los demás, peticiones de secreto, poner a prueba los límites con conversaciones sexuales, pedir imágenes y concertar un encuentro. Las herramientas de detección de grooming marcan los mensajes que corresponden a estas etapas y muestran cómo se agravó una conversación con el tiempo.

## Dónde se equivoca

- **El lenguaje cambia.** La jerga, los emojis y las palabras en clave cambian más rápido que cualquier modelo; lo que no ha visto, no lo detecta.
- **El contexto.** Pueden señalarse bromas entre adultos, educación sexual y conversaciones entre adolescentes de la misma edad.
- **La edad.** La herramienta no sabe quién es un niño; se basa en lo que las personas dicen de sí mismas.
- **Los idiomas.** El rendimiento fuera de los idiomas principales de sus datos de entrenamiento es mucho menor.

## Usar las señales de forma justa

Una señal indica mensajes que hay que leer; nunca es una prueba de intención. Lea toda la conversación antes de basarse en una parte, anote los mensajes que contradicen la señal además de los que la respaldan, e indique que un programa eligió lo que se leyó primero.

## La privacidad de los demás

Los chats contienen palabras de niños y de personas ajenas al delito. Extraiga solo las conversaciones que el caso necesita y guárdelas con el caso.
""",
    ),
    "wellbeing-after-exposure": (
        "Cuidarse después de la exposición",
        "Qué es normal después de ver material perturbador, qué ayuda en las horas y los días siguientes y cuándo pedir más apoyo.",
        """## Qué es normal

Después de una sesión difícil, muchas personas notan imágenes o sonidos que vuelven sin avisar, problemas para dormir, irritabilidad o sensación de embotamiento. Son reacciones habituales ante un material anormal, no signos de debilidad, y suelen remitir en pocos días.

## En las horas siguientes

- Pare antes de agotarse: fije un límite para cada sesión de revisión y respételo.
- Haga algo físico o cotidiano antes de volver a casa: un paseo, una conversación sobre otro tema.
- Haga un ejercicio de anclaje o de respiración si vuelve una imagen (vea Bienestar).

## En los días siguientes

Hable con un compañero o con un compañero de apoyo; no necesita describir el material. Mantenga sus rutinas de sueño y ejercicio, y fíjese si recurre al alcohol para desconectar.

## Cuándo pedir más

Si las reacciones duran más de unas semanas, empeoran o afectan a su vida familiar, hable con el servicio de salud laboral o con un psicólogo que trabaje con investigadores. Si en algún momento no se siente seguro, llame ahora a una línea de crisis: el directorio de servicios de apoyo indica las de su país.

## Para superiores jerárquicos

Planifique la exposición: rote las tareas, proteja las pausas y los permisos, interésese por las personas después de los casos difíciles y haga que pedir ayuda sea algo normal.
""",
    ),
    "human-review-of-classifier-output": (
        "Revisión humana de los resultados de un clasificador",
        "Cómo organizar la revisión para que decidan las personas, no las puntuaciones.",
        """## La revisión es una tarea, no un clic

Reserve tiempo para ella. Rote a los revisores, limite la duración de las sesiones y registre los desacuerdos con la herramienta: así es como se aprenden sus límites.

## Quién decide

La puntuación de un clasificador ordena el trabajo; una persona formada decide lo que muestra un archivo. Hágalo visible en el expediente: el nombre del revisor, la decisión y, cuando difiera de la puntuación, unas palabras sobre el motivo.

## Muestrear lo que la herramienta apartó

Los archivos con puntuaciones bajas son donde se esconde el material no detectado. Revise una muestra aleatoria de ellos en cada caso (por ejemplo, 1 de cada 200, o al menos 50 archivos) y aumente la muestra si encuentra algo.

## Umbrales

Fije el umbral de revisión a partir de un piloto con sus propios casos, no del valor por defecto del proveedor, y anote quién lo eligió y cuándo. Vuelva a comprobarlo después de cada actualización del modelo.

## Proteger a los revisores

Muestre las vistas previas difuminadas o en escala de grises, silencie el audio y deje que los revisores revelen solo lo que necesitan. Sesiones de una o dos horas como máximo, con pausas, y un compañero con quien hablar después forman parte de una buena revisión.
""",
    ),
    "reducing-exposure-with-tools": (
        "Reducir la exposición con las herramientas que tiene",
        "Ajustes y hábitos que reducen el tiempo que los investigadores pasan mirando material perturbador.",
        """## Ajustes

Active el difuminado y las vistas previas en escala de grises, silencie el audio por defecto y use la coincidencia de hash para no volver a ver material conocido.

## Orden de trabajo

Ejecute la coincidencia de hash y la eliminación de duplicados antes de que nadie mire: los archivos conocidos y repetidos salen de la cola. Después deje que la clasificación ordene lo que queda, para que el material con más probabilidades de importar se revise cuando las personas están descansadas, y revise el texto (chats, nombres de archivo) antes que las imágenes cuando el caso lo permita.

## Hábitos

Haga pausas y hable del trabajo con sus compañeros y con los servicios de apoyo. No deje la revisión para la última hora del día y haga algo cotidiano entre una sesión y la vuelta a casa.

## Para superiores jerárquicos

Registre el tiempo de exposición por persona y por semana, rote a las personas por tareas sin exposición y pregunte cómo están después de un caso difícil, no solo cuando algo parece ir mal.
""",
    ),
    "admissibility-of-ai-assisted-evidence": (
        "Admisibilidad de las conclusiones obtenidas con ayuda de IA",
        "Cómo presentar conclusiones que una herramienta ayudó a obtener para que resistan una impugnación.",
        """## Describa el método

Un tribunal necesita saber qué hizo la herramienta, qué fiabilidad tiene y qué comprobó una persona. Conserve la versión de la herramienta, su configuración y las notas de verificación del analista.

## Revele las limitaciones

Las tasas de error conocidas deben figurar en la revelación de pruebas, no en una nota a pie de página.

## Separe la pista de la conclusión

Redacte las conclusiones de modo que cada una se base en lo que verificó una persona: «el analista vio el archivo y comprobó …», no «la herramienta identificó …». El papel de la herramienta es explicar por qué se examinó primero ese archivo.

## Conserve lo que pedirá un perito de la defensa

- el nombre de la herramienta, su versión y la versión del modelo el día en que se usó;
- su configuración y umbrales, y quién los eligió;
- las cifras de precisión publicadas por el proveedor y las de su propio piloto;
- los archivos que la herramienta apartó y cuántos de ellos muestreó una persona.

## Cuente con la impugnación

Si el método no puede explicarse sin el proveedor, pregúntele antes del juicio si declarará o aportará documentos, y qué no revelará.
""",
    ),
    "evaluating-vendor-accuracy-claims": (
        "Evaluar las cifras de precisión de los proveedores",
        "Preguntas que hacer antes de confiar en una cifra como «99 % de precisión».",
        """## ¿Precisión sobre qué?

Pregunte de qué conjunto de datos procede la cifra, si se parece a sus casos y cómo varía con la edad, el tono de piel y la calidad de la imagen.

## Una sola cifra nunca basta

La «precisión» mezcla dos errores que no pesan igual: el material que la herramienta no detecta (falsos negativos) y el que señala por error (falsos positivos). Pida ambos, con el umbral que usted usaría, y cómo cambian cuando se mueve el umbral.

## Preguntas para el proveedor

- ¿Quién creó el conjunto de prueba y se mantuvo separado de los datos de entrenamiento?
- ¿Cuántas imágenes de niños, por franja de edad, contiene?
- ¿Qué ocurre con material comprimido, oscuro, recortado o grabado de una pantalla?
- ¿Con qué frecuencia cambia el modelo y se le avisará?

## Pruébelo usted mismo

Haga un piloto supervisado con datos cuya respuesta conozca antes de confiar en la herramienta. Un caso cerrado, revisado por completo por personas, da los recuentos de omisiones y falsos que le importan.
""",
    ),
    "data-protection-impact-assessments": (
        "Evaluaciones de impacto en la protección de datos para herramientas de investigación",
        "Cuándo se exige una EIPD, quién la redacta y qué debe abarcar.",
        """## Cuándo

Todo tratamiento nuevo que pueda suponer un alto riesgo para los derechos de las personas necesita una evaluación antes de empezar. La clasificación de imágenes de niños es un tratamiento de ese tipo.

## Qué

| Parte | Pregunta |
|---|---|
| Alcance | ¿Qué datos, de quién, cuántos? |
| Necesidad | ¿Por qué esta herramienta? |
| Riesgos | ¿Qué podría salir mal y para quién? |
| Medidas | ¿Qué reduce esos riesgos? |
""",
    ),
}

PATHS = {
    "getting-started-with-responsible-ai": (
        "Primeros pasos con una IA responsable",
        "Seis artículos con lo básico antes de usar cualquier herramienta de IA en un caso.",
    ),
    "bringing-in-a-new-tool": (
        "Incorporar una nueva herramienta",
        "Desde la primera reunión con el proveedor hasta una herramienta que su organismo pueda defender ante un tribunal.",
    ),
}
