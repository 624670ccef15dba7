"""The English unit of a noun a Spanish, French or Portuguese release counts ("cuatro
cartuchos": cartridge, "deux escadrons": squadron, "14.692 entradas": entry), by its lemma and
a lexicon of the nouns this field's figures count: people, acts (entries, returns, arrests,
complaints), documents, vehicles and boats, weapons, devices, places and premises, bodies and
groups, operations and trainings. A noun the lexicon does not hold keeps the rules' reading.

The lexicon is written by meaning, singular and folded (no accents, lower case); `lemmas`
gives the singular forms a plural may have in the three languages.
"""

from __future__ import annotations

from itertools import product

_LEXICON = {
    # people, by what they do or are (the forms not in foreign_words' lists of people)
    "person": """trabajador trabalhador travailleur refugiado refugie rescatado resgatado
        retornado deportado repatriado rapatrie detenido detido sospechoso suspeito traficante
        tratante trafiquant passeur ciudadano cidadao extranjero estrangeiro participante
        candidato candidat migrante victima vitima tripulante pescador pecheur agricultor
        agriculteur campesino paysan jornalero
        obrero ouvrier operario empleado employe empregado estudiante etudiant estudante alumno
        aluno docente enseignant profesor professeur juez juge juiz abogado avocat advogado
        medico medecin enfermero infirmier enfermeiro voluntario benevole beneficiario
        beneficiaire paciente patient usuario usager usuaria inmigrante immigre imigrante
        emigrante emigre nacional ressortissant indigena autochtone indigene anciano vieillard
        idoso huerfano orphelin orfao testigo temoin testemunha acusado accuse imputado prevenu
        arguido condenado condamne reo recluso detenu preso prisionero prisonnier prisioneiro
        rehen otage refem secuestrado sequestre sequestrado desaparecido disparu muerto mort
        morto fallecido herido blesse ferido naufrago naufrage funcionario agente inspector
        inspecteur inspetor militar soldado soldat marinero marin marinheiro capitan capitaine
        lider dirigeant chefe jefe reclutador recruteur aliciador proxeneta proxenete
        cafetao explotador exploiteur explorador cliente client muerte deces morte obito
        cabecilla malfrat interpelle meneur citoyen etranger adulto adulte procesado processado
        responsable responsavel facilitateur facilitador madre mere mae padre pere pai
        cadaver cadavre corps corpo cuerpo""",  # (the dead, counted by their bodies: "11 corps")
    # acts, counted as the text counts them
    "return": "retorno regreso retour regresso",
    "repatriation": "repatriacion rapatriement repatriacao",
    "deportation": "deportacion deportation deportacao",
    "expulsion": "expulsion expulsao",
    "arrival": "llegada arribo arribada arrivee chegada",
    "entry": "entrada ingreso entree ingresso",
    "exit": "salida sortie saida",
    "departure": "depart",
    "crossing": "cruce franchissement traversee travessia passage",
    "application": "solicitud demande pedido requerimento solicitacao",
    "arrest": "arresto detencion captura aprehension arrestation interpellation detencao prisao",
    "attempt": "intento tentativa tentative",
    "detection": "deteccion detection deteccao",
    "interception": "intercepcion interception interceptacao",
    "rescue": "rescate salvamento sauvetage resgate",
    "complaint": "denuncia queja plainte queixa",
    "report": "informe reporte rapport relatorio signalement",
    "call": "llamada appel chamada ligacao",
    "alert": "alerta alerte",
    "referral": "derivacion encaminhamento",
    "investigation": "investigacion enquete investigacao carpeta",  # (Mexico's case files)
    "conviction": "condena condamnation condenacao",
    "trial": "juicio proces julgamento",
    "case": "caso cas expediente dossier affaire",
    "inquiry": "inquerito",
    "incident": "incidente incident",
    "homicide": "homicidio homicide",
    "judgment": "jugement sentencia",
    "warrant": "mandado",
    "offence": "delito infraccion infraction crimen infracao",
    "violation": "violacao",  # (not the Spanish "violación", a rape)
    # operations of the police
    "operation": "operativo operacion operation operacao accion",
    "raid": "redada allanamiento rafle descente batida",
    "search": "cateo perquisition",
    "seizure": "incautacion decomiso saisie apreensao",
    "inspection": "inspeccion inspection inspecao fiscalizacion fiscalizacao",
    "check": "control controle",
    "patrol": "patrulla patrouille patrulha",
    # trainings and meetings
    "training": """capacitacion formacion formation treinamento capacitacao entrenamiento
        formacao""",
    "workshop": "taller atelier",
    "course": "curso",
    "seminar": "seminario seminaire",
    "session": "sesion session sessao",
    "meeting": "reunion reuniao",
    "conference": "conferencia conference",
    "campaign": "campana campagne campanha",
    "programme": "programa programme",
    "project": "proyecto projet projeto",
    "agreement": "acuerdo convenio accord acordo convention",
    "law": "ley loi lei",
    "decree": "decreto decret",
    # documents
    "document": "documento document",
    "passport": "pasaporte passeport passaporte",
    "visa": "visado",
    "permit": "permiso permis",
    "card": "tarjeta carte cartao",
    "id-card": "cedula",
    "certificate": "certificado certificat certidao",
    "notebook": "cuaderno libreta cahier caderno",
    "invoice": "factura facture fatura",
    "receipt": "recibo recu",
    "book": "libro livre livro",
    "poster": "cartel affiche cartaz",
    # vehicles and boats
    "vehicle": "vehiculo vehicule veiculo",
    "car": "coche automovil voiture carro automobile",
    "truck": "camion caminhao",
    "bus": "autobus omnibus bus onibus autocar car",
    "van": "furgoneta camioneta fourgonnette furgao",
    "trailer": "remolque trailer reboque",
    "motorcycle": "moto motocicleta motocyclette",
    "bicycle": "bicicleta bicyclette",
    "boat": """embarcacion barco bateau barque lancha canoa pirogue cayuco patera piragua
        embarcation barco bote chalupa""",
    "ship": "buque navire navio",
    "aircraft": "avion aeronave aviao",
    "flight": "vuelo voo vol",
    # weapons
    "weapon": "arma arme",
    "firearm": "escopeta",
    "pistol": "pistola pistolet",
    "revolver": "revolver",
    "rifle": "fusil rifle carabina",
    "cartridge": "cartucho cartouche",
    "bullet": "bala balle",
    "knife": "cuchillo couteau faca navaja",
    "grenade": "granada grenade",
    # devices
    "mobile-phone": "telefono celular telephone portable telemovel",
    "computer": "computadora ordenador computador ordinateur",
    "laptop": "portatil",
    "tablet": "tableta tablette",
    # quantities
    "kilogram": "kilo kilogramo kilogramme quilo quilograma",
    "gram": "gramo gramme grama",
    "tonne": "tonelada tonne",
    "litre": "litro litre",
    "metre": "metro metre",
    "hectare": "hectarea hectare",
    "km": "kilometro kilometre quilometro",
    "dose": "dosis",
    "package": "paquete paquet pacote",
    # places and premises
    "home": "vivienda domicilio casa maison residencia",
    "house": "moradia",
    "property": "inmueble propiedad propriete propriedade",
    "apartment": "apartamento appartement",
    "room": "habitacion cuarto chambre quarto",
    "bar": "bar",
    "nightclub": "discoteca",
    "brothel": "prostibulo burdel bordel",
    "hotel": "hotel",
    "restaurant": "restaurante restaurant",
    "farm": "finca granja hacienda ferme fazenda",
    "mine": "mina mine",
    "factory": "fabrica usine",
    "company": "empresa entreprise compania societe companhia sociedad sociedade",
    "window": "ventanilla guichet",
    "establishment": "establecimiento etablissement estabelecimento",
    "shop": "tienda comercio magasin boutique loja",
    "office": "oficina bureau escritorio",
    "location": "local lieu",
    "centre": "centro centre",
    "shelter": "albergue refugio abrigo foyer",
    "school": "escuela colegio ecole escola",
    "hospital": "hospital hopital",
    "prison": "carcel",
    "camp": "campamento campement acampamento",
    "port": "puerto porto",
    "airport": "aeropuerto aeroport aeroporto",
    "border": "frontera frontiere fronteira",
    "village": "aldea aldeia",
    "city": "ciudad ville cidade",
    "town": "localidad",
    "municipality": "municipio municipalite municipalidad municipalidade comuna commune",
    "department": "departamento departement",
    "province": "provincia province",
    "region": "region regiao",
    "district": "distrito district",
    "neighbourhood": "barrio quartier bairro",
    "community": "comunidad communaute comunidade",
    "country": "pais pays",
    "state": "estado etat",
    "route": "ruta route rota",
    # bodies and groups
    "organization": "organizacion organisation organizacao",
    "institution": "institucion institution instituicao",
    "entity": "entidad entite entidade",
    "agency": "agencia agence",
    "ministry": "ministerio ministere",
    "association": "asociacion association associacao",
    "group": "grupo groupe",
    "gang": "banda pandilla gang gangue quadrilha",
    "ring": "filiere",
    "network": "red reseau rede",
    "cell": "cellule celula",
    "team": "equipo equipe",
    "unit": "unidad unite unidade",
    "squadron": "escuadron escadron esquadrao",
    "brigade": "brigada brigade",
    "family": "familia famille",
    "household": "hogar menage",
    # times
    "day": "dia jour",
    "week": "semana semaine",
    "month": "mes mois",
    "year": "ano annee",
    "hour": "hora heure",
    "minute": "minuto minute",
    "job": "empleo emploi emprego",
    "language": "idioma langue lengua lingua",
    "nationality": "nacionalidad nationalite nacionalidade",
    "species": "especie espece",
}
# Two acts count people (data/devset/README.md, `unit`): a death, the one act a person does
# once ("70 deaths"), and an arrival, which the field reports as the people who arrived
# ("154,075 arrivals in Italy"; "3.100 llegadas" alike).
COUNTED_AS_PEOPLE = {"death", "arrival"}
LEXICON: dict[str, str] = {
    word: "person" if unit in COUNTED_AS_PEOPLE else unit
    for unit, words in _LEXICON.items()
    for word in words.split()
}  # fmt: skip
# Nouns with the word after them ("actas de nacimiento", "grupos armados", "points
# frontaliers"): a thing the noun alone does not name.
_PHRASES = {
    "birth-certificate": """acta de nacimiento, partida de nacimiento, acte de naissance,
        certidao de nascimento""",
    "id-card": """documento de identidad, cedula de identidad, carte d identite, carteira de
        identidade""",
    "arrest-warrant": "orden de aprehension, orden de captura, mandat d arret, mandado de prisao",
    "firearm": "arma de fuego, arme a feu, arma de fogo",
    "armed-group": "grupo armado, groupe arme",
    "criminal-group": "grupo criminal, groupe criminel, grupo criminoso",
    "border-crossing": "paso fronterizo, punto fronterizo, point frontalier, passage frontalier",
    "border-post": "poste frontiere, puesto fronterizo, posto fronteirico",
    "detention-centre": "centro de detencion, centre de detention, centro de detencao",
    "transit-centre": "centro de transito, centre de transit",
    "reception-centre": "centro de acogida, centre d accueil, centro de acolhimento",
    "hygiene-kit": "kit de higiene, kit d hygiene",
    "mobile-phone": "telefono movil, telephone portable, telefone celular",
    "bank-account": "cuenta bancaria, compte bancaire, conta bancaria",
    # (a house search, not "300.000 registros en el Registro Único", registrations)
    "search": "registro domiciliario, registro de vivienda",
    # (a flight, but "vols de téléphones": thefts)
    "theft": "vol de",
    "flight": "vol de retour, vol de rapatriement",
    "inspection": "accion de fiscalizacion, acao de fiscalizacao, acao de inspecao",
    "investigation": "carpeta de investigacion",
    "conviction": "sentencia condenatoria, sentenca condenatoria",
}
PHRASES: dict[str, str] = {
    " ".join(phrase.split()): unit
    for unit, phrases in _PHRASES.items()
    for phrase in phrases.split(",")
}  # fmt: skip
# The endings of a person's noun in the feminine, and their masculine ("trabajadoras",
# "avocates", "infirmières", "directrices"): the lexicon holds the masculine.
FEMININE = (("a", "o"), ("a", ""), ("e", ""), ("iere", "ier"), ("euse", "eur"), ("rice", "eur"))


def lemmas(word: str) -> list[str]:
    """The singular forms a folded noun of Spanish, French or Portuguese may have, itself
    first: "cartuchos" cartucho, "naciones" nacion, "luces" luz, "bateaux" bateau, "journaux"
    journal, "operacoes" operacao, "papeis" papel, "homens" homem."""
    out = [word]
    if word.endswith("s") and len(word) > 3:
        out.append(word[:-1])  # cartuchos, entradas, retours
    if word.endswith("es") and len(word) > 4:
        out.append(word[:-2])  # naciones, controles, mujeres
    if word.endswith("ces") and len(word) > 4:
        out.append(word[:-3] + "z")  # luces, veces
    if word.endswith("oes") or word.endswith("aes"):
        out.append(word[:-3] + "ao")  # operacoes, capitaes
    if word.endswith("aux"):
        out.append(word[:-3] + "al")  # journaux
    if word.endswith("x") and len(word) > 3:
        out.append(word[:-1])  # bateaux, jeux
    if word.endswith(("ais", "eis", "ois", "uis")):
        out.append(word[:-2] + "l")  # animais, papeis
    if word.endswith("ns"):
        out.append(word[:-2] + "m")  # homens, viagens
    return out


def _masculine(word: str) -> list[str]:
    return [word[: -len(f)] + m for f, m in FEMININE if word.endswith(f) and len(word) > len(f) + 2]


def english_unit(words: list[str]) -> str | None:
    """The English unit of the noun `words` open with (folded words of a foreign release,
    the noun first, then what follows it), or None when the lexicon does not hold it."""
    if not words:
        return None
    for size in (3, 2):
        if len(words) >= size:
            for form in product(*(lemmas(w) for w in words[:size])):
                if (unit := PHRASES.get(" ".join(form))) is not None:
                    return unit
    for form in lemmas(words[0]):
        if form in LEXICON:
            return LEXICON[form]
    for form in lemmas(words[0]):
        for male in _masculine(form):
            if LEXICON.get(male) == "person":
                return "person"
    return None
