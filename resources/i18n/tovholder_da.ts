<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AssessmentPage</name>
    <message>
        <source>Professional assessment</source>
        <translation>Faglig vurdering</translation>
    </message>
    <message>
        <source>For your own judgement; it is not part of the family&apos;s summary.</source>
        <translation>Til din egen faglige vurdering; den kommer ikke med i familiens opsummering.</translation>
    </message>
    <message>
        <source>Coping level</source>
        <translation>Mestringsniveau</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Ikke vurderet</translation>
    </message>
    <message>
        <source>Vulnerability indicators that apply</source>
        <translation>Sårbarhedsindikatorer, der passer</translation>
    </message>
    <message>
        <source>Proposed service level</source>
        <translation>Forslag til niveau</translation>
    </message>
    <message>
        <source>No proposal</source>
        <translation>Intet forslag</translation>
    </message>
    <message>
        <source>Why this level</source>
        <translation>Hvorfor dette niveau</translation>
    </message>
    <message>
        <source>Reason for the level</source>
        <translation>Begrundelse for niveauet</translation>
    </message>
    <message>
        <source>Save assessment</source>
        <translation>Gem vurderingen</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gemt.</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>Press Remove again to remove {name} from the family. The change is kept in the case history.</source>
        <translation>Tryk Fjern igen for at fjerne {name} fra familien. Ændringen gemmes i forløbets historik.</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <source>Find a family: name, CPR, address or the child&apos;s name</source>
        <translation>Find en familie: navn, CPR, adresse eller barnets navn</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>All phases</source>
        <translation>Alle faser</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Åbne forløb</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Alle forløb</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <comment>filter</comment>
        <translation>Kræver opmærksomhed</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <comment>column</comment>
        <translation>Opmærksomhed</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>Aktuelt trin</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>Næste kontakt</translation>
    </message>
    <message>
        <source>Tovholder</source>
        <translation>Tovholder</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Showing {shown} of over {total} cases – type more to narrow down</source>
        <translation>Viser {shown} af over {total} forløb – skriv mere for at indsnævre søgningen</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} cases – type more to narrow down</source>
        <translation>Viser {shown} af {total} forløb – skriv mere for at indsnævre søgningen</translation>
    </message>
    <message>
        <source>{shown} cases</source>
        <translation>{shown} forløb</translation>
    </message>
    <message>
        <source>the search was cleared to show the new family</source>
        <translation>søgningen er ryddet, så den nye familie kan ses</translation>
    </message>
</context>
<context>
    <name>CaseOverviewPanel</name>
    <message>
        <source>Household …</source>
        <translation>Husstand …</translation>
    </message>
    <message>
        <source>The course</source>
        <translation>Forløbet</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>Aktuelt trin</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Trin</translation>
    </message>
    <message>
        <source>Responsible: {who}</source>
        <translation>Ansvarlig: {who}</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Trin</translation>
    </message>
    <message>
        <source>Mark the current step as done</source>
        <translation>Markér trinnet som udført</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>Spring trinnet over</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Samtaler</translation>
    </message>
    <message>
        <source>Start the clarifying conversation</source>
        <translation>Start den afklarende samtale</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>afsluttet</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>i gang</translation>
    </message>
    <message>
        <source>Family agrees</source>
        <translation>Familien er enig</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>Næste kontakt</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Markér som gennemført</translation>
    </message>
    <message>
        <source>The family</source>
        <translation>Familien</translation>
    </message>
    <message>
        <source>Add person …</source>
        <translation>Tilføj person …</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>{age} years</source>
        <translation>{age} år</translation>
    </message>
    <message>
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>Diagnoser</translation>
    </message>
    <message>
        <source>Family members</source>
        <translation>Familiemedlemmer</translation>
    </message>
    <message>
        <source>Change …</source>
        <translation>Ændr …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>The referral</source>
        <translation>Henvisningen</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Record consent …</source>
        <translation>Registrér samtykke …</translation>
    </message>
    <message>
        <source>Allowed now</source>
        <translation>Tilladt nu</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Omfang</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Givet af</translation>
    </message>
    <message>
        <source>Consent currently covers: {scopes}</source>
        <translation>Samtykket dækker nu: {scopes}</translation>
    </message>
    <message>
        <source>No consent is in force. The course cannot go on to the clarifying conversation.</source>
        <translation>Der er intet gældende samtykke. Forløbet kan ikke gå videre til den afklarende samtale.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Gælder</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Samtykker</translation>
    </message>
    <message>
        <source>Withdraw the chosen consent …</source>
        <translation>Træk det valgte samtykke tilbage …</translation>
    </message>
    <message>
        <source>Tovholder</source>
        <translation>Tovholder</translation>
    </message>
    <message>
        <source>New tovholder …</source>
        <translation>Ny tovholder …</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Aftalt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Network map</source>
        <translation>Netværkskort</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <source>Tovholder history</source>
        <translation>Tovholderhistorik</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Record …</source>
        <translation>Registrér …</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Service level history</source>
        <translation>Niveauhistorik</translation>
    </message>
    <message>
        <source>referred {date}</source>
        <translation>henvist {date}</translation>
    </message>
    <message>
        <source> – deadline {date}</source>
        <translation> – frist {date}</translation>
    </message>
    <message>
        <source>Now: {step}{due}</source>
        <translation>Nu: {step}{due}</translation>
    </message>
    <message>
        <source>The course was closed on {date}.</source>
        <translation>Forløbet blev afsluttet den {date}.</translation>
    </message>
    <message>
        <source>No tovholder yet.</source>
        <translation>Ingen tovholder endnu.</translation>
    </message>
    <message>
        <source>agreed with the family</source>
        <translation>aftalt med familien</translation>
    </message>
    <message>
        <source>not yet agreed with the family</source>
        <translation>endnu ikke aftalt med familien</translation>
    </message>
    <message>
        <source>No level recorded.</source>
        <translation>Intet niveau registreret.</translation>
    </message>
    <message>
        <source>Continue the conversation</source>
        <translation>Fortsæt samtalen</translation>
    </message>
    <message>
        <source> – overdue</source>
        <translation> – forfalden</translation>
    </message>
    <message>
        <source> – today</source>
        <translation> – i dag</translation>
    </message>
    <message>
        <source>Next contact: {kind} {date}{state}</source>
        <translation>Næste kontakt: {kind} {date}{state}</translation>
    </message>
    <message>
        <source>No next contact planned.</source>
        <translation>Der er ikke planlagt en næste kontakt.</translation>
    </message>
    <message>
        <source>interpreter</source>
        <translation>tolk</translation>
    </message>
    <message>
        <source>withdrawn {date}</source>
        <translation>trukket tilbage {date}</translation>
    </message>
    <message>
        <source>lapsed {date}</source>
        <translation>bortfaldet {date}</translation>
    </message>
    <message>
        <source>yes, until {date}</source>
        <translation>ja, til {date}</translation>
    </message>
    <message>
        <source>Choose the consent to withdraw in the list first.</source>
        <translation>Vælg først på listen det samtykke, der skal trækkes tilbage.</translation>
    </message>
    <message>
        <source>That consent is no longer in force.</source>
        <translation>Det samtykke gælder ikke længere.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Registrér samtykke</translation>
    </message>
    <message>
        <source>someone else (name)</source>
        <translation>en anden (navn)</translation>
    </message>
    <message>
        <source>Given by someone else (name)</source>
        <translation>Givet af en anden (navn)</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Givet af</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Lapses after {months} months.</source>
        <translation>Bortfalder efter {months} måneder.</translation>
    </message>
    <message>
        <source>Names of the people it may be shared with</source>
        <translation>Navne på dem, oplysningerne må deles med</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Modtagere</translation>
    </message>
    <message>
        <source>The family agrees to</source>
        <translation>Samtykke til</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>Content</name>
    <message>
        <source>the file does not exist</source>
        <translation>filen findes ikke</translation>
    </message>
    <message>
        <source>{count} file(s) checked: no problems.</source>
        <translation>{count} fil(er) kontrolleret: ingen problemer.</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must use only a-z, 0-9 and _ (found &apos;{value}&apos;)</source>
        <translation>&apos;{key}&apos; må kun bruge a-z, 0-9 og _ (fandt &apos;{value}&apos;)</translation>
    </message>
    <message>
        <source>unknown placeholder &apos;{placeholder}&apos; (only {known} is known)</source>
        <translation>ukendt pladsholder &apos;{placeholder}&apos; (kun {known} kendes)</translation>
    </message>
    <message>
        <source>{placeholder} can only be used in the member section</source>
        <translation>{placeholder} kan kun bruges i afsnittet om familiemedlemmer</translation>
    </message>
    <message>
        <source>min_age ({min_age}) is greater than max_age ({max_age})</source>
        <translation>min_age ({min_age}) er større end max_age ({max_age})</translation>
    </message>
    <message>
        <source>every entry of &apos;{key}&apos; must be a text</source>
        <translation>hvert punkt i &apos;{key}&apos; skal være en tekst</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a known entry of &apos;{key}&apos; (known: {known})</source>
        <translation>&apos;{value}&apos; er ikke et kendt punkt i &apos;{key}&apos; (kendte: {known})</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; appears twice in &apos;{key}&apos;</source>
        <translation>&apos;{value}&apos; står der to gange i &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>expected kind &apos;{expected}&apos;, found &apos;{kind}&apos;</source>
        <translation>kind skulle være &apos;{expected}&apos;, men er &apos;{kind}&apos;</translation>
    </message>
    <message>
        <source>code &apos;{code}&apos; appears twice in &apos;{key}&apos;</source>
        <translation>koden &apos;{code}&apos; står der to gange i &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must not be empty</source>
        <translation>&apos;{key}&apos; må ikke være tom</translation>
    </message>
    <message>
        <source>phase code must be one of {known}</source>
        <translation>fasekoden skal være en af {known}</translation>
    </message>
    <message>
        <source>step code &apos;{code}&apos; appears twice</source>
        <translation>trinkoden &apos;{code}&apos; står der to gange</translation>
    </message>
    <message>
        <source>phase &apos;{phase}&apos; is not one of the template&apos;s phases</source>
        <translation>fasen &apos;{phase}&apos; er ikke en af skabelonens faser</translation>
    </message>
    <message>
        <source>steps must be listed in phase order</source>
        <translation>trinnene skal stå i fasernes rækkefølge</translation>
    </message>
    <message>
        <source>unknown step kind &apos;{kind}&apos; (known: {known})</source>
        <translation>ukendt slags trin &apos;{kind}&apos; (kendte: {known})</translation>
    </message>
    <message>
        <source>a template needs at least one step</source>
        <translation>en skabelon skal have mindst ét trin</translation>
    </message>
    <message>
        <source>at least one step must remain after the referral</source>
        <translation>der skal være mindst ét trin tilbage efter henvisningen</translation>
    </message>
    <message>
        <source>the scope &apos;participation&apos; is required (it gates the conversation)</source>
        <translation>samtykket &apos;participation&apos; skal være der (det åbner for samtalen)</translation>
    </message>
    <message>
        <source>levels 1, 2, 3 and 4 must each appear once</source>
        <translation>niveau 1, 2, 3 og 4 skal stå der én gang hver</translation>
    </message>
    <message>
        <source>group must be one of {known}</source>
        <translation>group skal være en af {known}</translation>
    </message>
    <message>
        <source>age_order must be older, younger or same</source>
        <translation>age_order skal være older, younger eller same</translation>
    </message>
    <message>
        <source>one relation must have group &apos;child&apos;</source>
        <translation>én relation skal have gruppen &apos;child&apos;</translation>
    </message>
    <message>
        <source>unknown content kind &apos;{kind}&apos;</source>
        <extracomment>Ids the app looks up by name; the shipped content must have them.</extracomment>
        <translation>ukendt slags indhold &apos;{kind}&apos;</translation>
    </message>
    <message>
        <source>the file could not be read as {kind}</source>
        <translation>filen kunne ikke læses som {kind}</translation>
    </message>
    <message>
        <source>{kind} &apos;{id}&apos; version {version} is already loaded from {source}; give the new file a higher version</source>
        <translation>{kind} &apos;{id}&apos; version {version} er allerede indlæst fra {source}; giv den nye fil et højere versionsnummer</translation>
    </message>
    <message>
        <source>no content of kind &apos;{kind}&apos;</source>
        <translation>intet indhold af slagsen &apos;{kind}&apos;</translation>
    </message>
    <message>
        <source>no {kind} with id &apos;{id}&apos;</source>
        <translation>ingen {kind} med id &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>expected a mapping (key: value) here</source>
        <extracomment>A syntax error in a file up to this size is parsed again by the pure-Python parser for its wording.</extracomment>
        <translation>her skal der stå nøgler og værdier (nøgle: værdi)</translation>
    </message>
    <message>
        <source>missing required key &apos;{key}&apos;</source>
        <translation>nøglen &apos;{key}&apos; mangler</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a non-empty text</source>
        <translation>&apos;{key}&apos; skal være en tekst, der ikke er tom</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a whole number</source>
        <translation>&apos;{key}&apos; skal være et helt tal</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be at least {minimum}</source>
        <translation>&apos;{key}&apos; skal være mindst {minimum}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be at most {maximum}</source>
        <translation>&apos;{key}&apos; må højst være {maximum}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be true or false</source>
        <translation>&apos;{key}&apos; skal være true eller false</translation>
    </message>
    <message>
        <source>missing required list &apos;{key}&apos;</source>
        <translation>listen &apos;{key}&apos; mangler</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a list</source>
        <translation>&apos;{key}&apos; skal være en liste</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a text or {{da: ..., en: ...}}</source>
        <translation>&apos;{key}&apos; skal være en tekst eller {{da: ..., en: ...}}</translation>
    </message>
    <message>
        <source>unknown language &apos;{language}&apos; in &apos;{key}&apos;</source>
        <translation>ukendt sprog &apos;{language}&apos; i &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>unknown key &apos;{key}&apos; (allowed: {allowed})</source>
        <translation>ukendt nøgle &apos;{key}&apos; (tilladt: {allowed})</translation>
    </message>
    <message>
        <source>anchors (&amp;{name}) are not allowed in content files</source>
        <extracomment>The explicit tags a content file may use: YAML&apos;s plain types. Every other tag is refused.</extracomment>
        <translation>ankre (&amp;{name}) er ikke tilladt i indholdsfiler</translation>
    </message>
    <message>
        <source>the tag {tag} is not allowed in content files</source>
        <translation>tagget {tag} er ikke tilladt i indholdsfiler</translation>
    </message>
    <message>
        <source>a text is longer than {limit} characters ({length})</source>
        <translation>en tekst er længere end {limit} tegn ({length})</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; cannot be read as a number, a date or true/false</source>
        <translation>&apos;{value}&apos; kan ikke læses som et tal, en dato eller true/false</translation>
    </message>
    <message>
        <source>the file holds more than {limit} values</source>
        <translation>filen har mere end {limit} værdier</translation>
    </message>
    <message>
        <source>nested deeper than {limit} levels</source>
        <translation>indlejret i mere end {limit} niveauer</translation>
    </message>
    <message>
        <source>aliases (*{name}) are not allowed in content files</source>
        <translation>aliasser (*{name}) er ikke tilladt i indholdsfiler</translation>
    </message>
    <message>
        <source>a content file holds one YAML document; another one starts here</source>
        <translation>en indholdsfil har ét YAML-dokument; her begynder et til</translation>
    </message>
    <message>
        <source>a list or mapping has more than {limit} entries</source>
        <translation>en liste eller en gruppe af nøgler har mere end {limit} punkter</translation>
    </message>
    <message>
        <source>keys must be texts</source>
        <translation>nøgler skal være tekster</translation>
    </message>
    <message>
        <source>key &apos;{key}&apos; appears twice</source>
        <translation>nøglen &apos;{key}&apos; står der to gange</translation>
    </message>
    <message>
        <source>YAML syntax: {problem}</source>
        <translation>YAML-syntaks: {problem}</translation>
    </message>
    <message>
        <source>cannot read the file ({problem})</source>
        <translation>filen kan ikke læses ({problem})</translation>
    </message>
    <message>
        <source>this is not a regular file</source>
        <translation>det er ikke en almindelig fil</translation>
    </message>
    <message>
        <source>the file is too large ({size} bytes; at most {limit} bytes)</source>
        <translation>filen er for stor ({size} byte; højst {limit} byte)</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>filen er ikke UTF-8-tekst</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>filen er tom</translation>
    </message>
    <message>
        <source>the file must be a mapping at the top</source>
        <translation>filen skal øverst bestå af nøgler og værdier (nøgle: værdi)</translation>
    </message>
    <message>
        <source>the id must be &apos;{expected}&apos; (a municipality replaces it with a higher version)</source>
        <extracomment>Kinds a guide must have exactly once (the problem areas: each of the six exactly once). Kinds a guide may have at most once. Kinds whose sections may have no prompts (the app fills them: matched offers, the summary). FR-16: an offer runs (active), holds a pause and is meant to start again (paused), or has ended. (key, code, line) of every cross-file reference, for error messages; not part of equality.</extracomment>
        <translation>id skal være &apos;{expected}&apos; (en kommune erstatter den med en højere version)</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; lacks {missing}</source>
        <translation>&apos;{key}&apos; mangler {missing}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be exactly {required}; unknown: {unknown}</source>
        <translation>&apos;{key}&apos; skal være præcis {required}; ukendte: {unknown}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; needs at least {minimum} entries</source>
        <translation>&apos;{key}&apos; skal have mindst {minimum} punkter</translation>
    </message>
    <message>
        <source>offer code &apos;{code}&apos; appears twice</source>
        <translation>tilbudskoden &apos;{code}&apos; står der to gange</translation>
    </message>
    <message>
        <source>status must be one of {known}, not &apos;{status}&apos;</source>
        <translation>status skal være en af {known}, ikke &apos;{status}&apos;</translation>
    </message>
    <message>
        <source>the catalogue needs at least one offer</source>
        <translation>kataloget skal have mindst ét tilbud</translation>
    </message>
    <message>
        <source>the family catalogue ({file})</source>
        <translation>familiekataloget ({file})</translation>
    </message>
    <message>
        <source>the vocabulary ({file})</source>
        <translation>ordforrådet ({file})</translation>
    </message>
    <message>
        <source>offer &apos;{offer}&apos;: &apos;{code}&apos; in &apos;{key}&apos; is not in {where}</source>
        <translation>tilbuddet &apos;{offer}&apos;: &apos;{code}&apos; i &apos;{key}&apos; findes ikke i {where}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is only allowed in the member section</source>
        <extracomment>A guide&apos;s id: letters, digits, &quot;_&quot; and &quot;-&quot; (it names a file a municipality may load).</extracomment>
        <translation>&apos;{key}&apos; må kun stå i afsnittet om familiemedlemmer</translation>
    </message>
    <message>
        <source>unknown section kind &apos;{kind}&apos; (known: {known})</source>
        <translation>ukendt slags afsnit &apos;{kind}&apos; (kendte: {known})</translation>
    </message>
    <message>
        <source>unknown problem area &apos;{area}&apos; (known: {known})</source>
        <translation>ukendt problemområde &apos;{area}&apos; (kendte: {known})</translation>
    </message>
    <message>
        <source>&apos;problem_area&apos; is only allowed in sections of kind problem_area</source>
        <translation>&apos;problem_area&apos; må kun stå i afsnit af slagsen problem_area</translation>
    </message>
    <message>
        <source>&apos;capture&apos; must name at least one of {known}</source>
        <translation>&apos;capture&apos; skal nævne mindst én af {known}</translation>
    </message>
    <message>
        <source>prompt id &apos;{prompt}&apos; appears twice in section &apos;{section}&apos;</source>
        <translation>spørgsmålet &apos;{prompt}&apos; står der to gange i afsnittet &apos;{section}&apos;</translation>
    </message>
    <message>
        <source>a section of kind {kind} needs at least one prompt</source>
        <translation>et afsnit af slagsen {kind} skal have mindst ét spørgsmål</translation>
    </message>
    <message>
        <source>a guide id must use only a-z, 0-9, - and _</source>
        <translation>en guides id må kun bruge a-z, 0-9, - og _</translation>
    </message>
    <message>
        <source>section id &apos;{section}&apos; appears twice</source>
        <translation>afsnittet &apos;{section}&apos; står der to gange</translation>
    </message>
    <message>
        <source>a guide can have only one section of kind {kind}</source>
        <translation>en guide kan kun have ét afsnit af slagsen {kind}</translation>
    </message>
    <message>
        <source>problem area &apos;{area}&apos; already has a section</source>
        <translation>problemområdet &apos;{area}&apos; har allerede et afsnit</translation>
    </message>
    <message>
        <source>the guide needs one section of kind {kinds}</source>
        <translation>guiden skal have ét afsnit af slagsen {kinds}</translation>
    </message>
    <message>
        <source>the guide has no section for problem area {areas}</source>
        <translation>guiden har intet afsnit om problemområdet {areas}</translation>
    </message>
    <message>
        <source>the stored guide cannot be read ({problem})</source>
        <translation>den gemte guide kan ikke læses ({problem})</translation>
    </message>
</context>
<context>
    <name>ConversationOutline</name>
    <message>
        <source>Outline</source>
        <translation>Oversigt</translation>
    </message>
    <message>
        <source>Professional assessment</source>
        <translation>Faglig vurdering</translation>
    </message>
    <message>
        <source>{done} of {total} parts touched</source>
        <translation>{done} af {total} dele berørt</translation>
    </message>
</context>
<context>
    <name>ConversationWindow</name>
    <message>
        <source>Conversation – {family}</source>
        <translation>Samtale – {family}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gemt</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Forrige</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Næste ▶</translation>
    </message>
    <message>
        <source>Read back</source>
        <translation>Læs op</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Fuld skærm</translation>
    </message>
    <message>
        <source>Pause and close</source>
        <translation>Pause og luk</translation>
    </message>
    <message>
        <source>Resources – what goes well</source>
        <translation>Ressourcer – det, der går godt</translation>
    </message>
    <message>
        <source>Needs – what the family wants help with</source>
        <translation>Behov – det, familien vil have hjælp til</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>afsluttet</translation>
    </message>
    <message>
        <source>Not saved – it is tried again when you write</source>
        <translation>Ikke gemt – det prøves igen, når du skriver</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Gemmer …</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Gemt {time}</translation>
    </message>
    <message>
        <source>Save the family&apos;s copy</source>
        <translation>Gem familiens kopi</translation>
    </message>
    <message>
        <source>Making the family&apos;s PDF …</source>
        <translation>Laver familiens PDF …</translation>
    </message>
    <message>
        <source>Leave full screen (Esc)</source>
        <translation>Forlad fuld skærm (Esc)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Write the date as dd-mm-yyyy.</source>
        <translation>Skriv datoen som dd-mm-åååå.</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-åååå</translation>
    </message>
    <message>
        <source>That date does not exist.</source>
        <translation>Den dato findes ikke.</translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Press Cancel again to discard what you have written. Until then it is kept.</source>
        <translation>Tryk Annuller igen for at kassere det, du har skrevet. Indtil da er det gemt.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong.</source>
        <translation>Noget gik galt.</translation>
    </message>
    <message>
        <source>What you were working on is no longer there; it may have been removed in another window. Nothing else has been changed.</source>
        <translation>Det, du arbejdede med, findes ikke længere; det kan være fjernet i et andet vindue. Intet andet er ændret.</translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation>Adgangskoden er forkert.</translation>
    </message>
    <message>
        <source>Too many wrong attempts. Wait {seconds} seconds and try again.</source>
        <translation>For mange forkerte forsøg. Vent {seconds} sekunder, og prøv så igen.</translation>
    </message>
    <message>
        <source>The key file is missing or damaged, so the records cannot be opened. Nothing has been changed. Contact IT: they can restore the key file from a backup or use the municipal recovery key.</source>
        <translation>Nøglefilen mangler eller er beskadiget, så dine oplysninger kan ikke åbnes. Intet er blevet ændret. Kontakt IT, som kan hente nøglefilen fra en sikkerhedskopi eller bruge kommunens gendannelsesnøgle.</translation>
    </message>
    <message>
        <source>The database could not be opened. Nothing has been changed or overwritten. Contact IT and keep the laptop as it is.</source>
        <translation>Databasen kunne ikke åbnes. Intet er blevet ændret eller overskrevet. Kontakt IT, og lad computeren være, som den er.</translation>
    </message>
    <message>
        <source>The records on this laptop are damaged, so they were not opened. Nothing has been changed or overwritten. IT can restore the latest backup with the command &quot;tovholder restore&quot;; the damaged file is kept.</source>
        <translation>Dine oplysninger på denne computer er beskadiget, så de blev ikke åbnet. Intet er blevet ændret eller overskrevet. IT kan lægge den seneste sikkerhedskopi tilbage med kommandoen &quot;tovholder restore&quot;; den beskadigede fil bliver gemt.</translation>
    </message>
    <message>
        <source>A check found damage in the records on this laptop. What you see is still there, but please contact IT soon: they can restore the latest backup with the command &quot;tovholder restore&quot;.</source>
        <extracomment>The full check after unlock (a large database) found damage; the records are open.</extracomment>
        <translation>Et tjek har fundet en skade i dine oplysninger på denne computer. Det, du ser, er der stadig, men kontakt IT snart: de kan lægge den seneste sikkerhedskopi tilbage med kommandoen &quot;tovholder restore&quot;.</translation>
    </message>
    <message>
        <source>The records were saved by a newer version of Tovholder than this one. Install the newest version; nothing has been changed.</source>
        <translation>Dine oplysninger er gemt med en nyere version af Tovholder end denne. Installér den nyeste version. Intet er blevet ændret.</translation>
    </message>
    <message>
        <source>The disk is full, so the change was not saved. What you typed is still on the screen. Free some space and save again.</source>
        <translation>Disken er fuld, så ændringen blev ikke gemt. Det, du skrev, står stadig på skærmen. Frigør noget plads, og gem igen.</translation>
    </message>
    <message>
        <source>The disk is full, so the change was not saved. What you typed is still on the screen. Free at least {megabytes} MB and save again.</source>
        <extracomment>The same, with how much to free (``DiskFullError(DiskFullError.FREE_AT_LEAST, megabytes=200)``).</extracomment>
        <translation>Disken er fuld, så ændringen blev ikke gemt. Det, du skrev, står stadig på skærmen. Frigør mindst {megabytes} MB, og gem igen.</translation>
    </message>
    <message>
        <source>The disk is full, so the records cannot be opened. Nothing has been changed. Free at least {megabytes} MB and try again.</source>
        <extracomment>At unlock, when even the space kept in reserve was not enough to record the opening.</extracomment>
        <translation>Disken er fuld, så dine oplysninger kan ikke åbnes. Intet er blevet ændret. Frigør mindst {megabytes} MB, og prøv igen.</translation>
    </message>
    <message>
        <source>The change could not be saved to the disk. What you typed is still on the screen. Try again; if it keeps failing, contact IT.</source>
        <translation>Ændringen kunne ikke gemmes på disken. Det, du skrev, står stadig på skærmen. Prøv igen. Hvis det bliver ved med at gå galt, så kontakt IT.</translation>
    </message>
    <message>
        <source>The file could not be saved in the chosen folder, and nothing was left there. Choose another folder or try again.</source>
        <translation>Filen kunne ikke gemmes i den valgte mappe, og intet blev efterladt der. Vælg en anden mappe, eller prøv igen.</translation>
    </message>
    <message>
        <source>The disk is full, so the file was not saved, and nothing was left there. Free some space and export again.</source>
        <translation>Disken er fuld, så filen blev ikke gemt, og intet blev efterladt der. Frigør noget plads, og eksportér igen.</translation>
    </message>
    <message>
        <source>That folder is part of a program&apos;s source code (git), where files can be shared by mistake. Choose another folder.</source>
        <translation>Mappen er en del af et programs kildekode (git), hvor filer kan blive delt ved en fejl. Vælg en anden mappe.</translation>
    </message>
    <message>
        <source>Tovholder is locked. Unlock it and try again; nothing has been changed.</source>
        <translation>Tovholder er låst. Lås op, og prøv igen; intet er ændret.</translation>
    </message>
    <message>
        <source>The log of who has opened and changed the records does not match what was saved before. Your work is saved as usual. Please tell IT, so they can look into it.</source>
        <translation>Loggen over, hvem der har åbnet og ændret oplysningerne, passer ikke med det, der blev gemt før. Dit arbejde gemmes som sædvanligt. Giv IT besked, så de kan se på det.</translation>
    </message>
    <message>
        <source>Check the value.</source>
        <translation>Tjek det, du har skrevet.</translation>
    </message>
    <message>
        <source>The case cannot move on to &quot;{step}&quot; before consent is recorded: {missing}.</source>
        <translation>Forløbet kan ikke gå videre til &quot;{step}&quot;, før der er registreret samtykke til: {missing}.</translation>
    </message>
    <message>
        <source>{file}, line {line}: {reason}</source>
        <translation>{file}, linje {line}: {reason}</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>Choose a course template.</source>
        <translation>Vælg en forløbsmodel.</translation>
    </message>
    <message>
        <source>Choose who detected the family.</source>
        <translation>Vælg, hvem der opsporede familien.</translation>
    </message>
    <message>
        <source>Choose how the referral came.</source>
        <translation>Vælg, hvordan henvisningen kom.</translation>
    </message>
    <message>
        <source>Choose the person&apos;s relation to the family.</source>
        <translation>Vælg personens relation til familien.</translation>
    </message>
    <message>
        <source>Choose a language from the list.</source>
        <translation>Vælg et sprog på listen.</translation>
    </message>
    <message>
        <source>Add the child the referral is about.</source>
        <translation>Tilføj det barn, henvisningen handler om.</translation>
    </message>
    <message>
        <source>Choose how consent was given.</source>
        <translation>Vælg, hvordan samtykket blev givet.</translation>
    </message>
    <message>
        <source>Choose at least one thing the family consents to.</source>
        <translation>Vælg mindst én ting, familien giver samtykke til.</translation>
    </message>
    <message>
        <source>Unknown consent scope.</source>
        <translation>Ukendt samtykkeomfang.</translation>
    </message>
    <message>
        <source>Name the people the information may be shared with.</source>
        <translation>Skriv navnene på dem, oplysningerne må deles med.</translation>
    </message>
    <message>
        <source>This consent is already withdrawn.</source>
        <translation>Dette samtykke er allerede trukket tilbage.</translation>
    </message>
    <message>
        <source>Consent cannot be withdrawn before it was given.</source>
        <translation>Samtykket kan ikke trækkes tilbage fra en dato, før det blev givet.</translation>
    </message>
    <message>
        <source>Choose the tovholder&apos;s role.</source>
        <translation>Vælg tovholderens rolle.</translation>
    </message>
    <message>
        <source>The new tovholder cannot start before the current one.</source>
        <translation>Den nye tovholder kan ikke starte før den nuværende.</translation>
    </message>
    <message>
        <source>Unknown part of the conversation.</source>
        <translation>Ukendt del af samtalen.</translation>
    </message>
    <message>
        <source>Unknown choice.</source>
        <translation>Ukendt valg.</translation>
    </message>
    <message>
        <source>Write why this person is not part of the conversation.</source>
        <translation>Skriv, hvorfor personen ikke er med i samtalen.</translation>
    </message>
    <message>
        <source>Unknown family member.</source>
        <translation>Ukendt familiemedlem.</translation>
    </message>
    <message>
        <source>Unknown problem area.</source>
        <translation>Ukendt kerneområde.</translation>
    </message>
    <message>
        <source>Choose a level from 1 to 4.</source>
        <translation>Vælg et niveau fra 1 til 4.</translation>
    </message>
    <message>
        <source>Talk with everyone in the family, or mark them as not present or not relevant with a reason, before you finish: {names}.</source>
        <translation>Tal med alle i familien, eller markér dem som ikke til stede eller ikke relevante med en begrundelse, før du afslutter: {names}.</translation>
    </message>
    <message>
        <source>The case has no current step.</source>
        <translation>Forløbet har ikke noget aktuelt trin.</translation>
    </message>
    <message>
        <source>Only an optional step can be skipped.</source>
        <translation>Kun et valgfrit trin kan springes over.</translation>
    </message>
    <message>
        <source>A CPR number has 10 digits, written DDMMYY-XXXX.</source>
        <translation>Et CPR-nummer har 10 cifre og skrives DDMMÅÅ-XXXX.</translation>
    </message>
    <message>
        <source>The first six digits of the CPR number are not a valid date.</source>
        <translation>De første seks cifre i CPR-nummeret er ikke en gyldig dato.</translation>
    </message>
    <message>
        <source>The CPR number gives a birth date in the future.</source>
        <translation>CPR-nummeret giver en fødselsdato ude i fremtiden.</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>Datoen kan ikke ligge ude i fremtiden.</translation>
    </message>
    <message>
        <source>Record at least one need and one resource first: the family&apos;s needs come before the offers.</source>
        <translation>Skriv først mindst ét behov og én ressource ned: familiens behov kommer før tilbuddene.</translation>
    </message>
    <message>
        <source>This offer has ended and can no longer be chosen.</source>
        <translation>Tilbuddet er slut og kan ikke længere vælges.</translation>
    </message>
    <message>
        <source>Unknown offer.</source>
        <translation>Ukendt tilbud.</translation>
    </message>
    <message>
        <source>Choose who does it.</source>
        <translation>Vælg, hvem der gør det.</translation>
    </message>
    <message>
        <source>Choose the kind of contact.</source>
        <translation>Vælg, hvilken slags kontakt det er.</translation>
    </message>
    <message>
        <source>This field must be filled in.</source>
        <translation>Dette felt skal udfyldes.</translation>
    </message>
    <message>
        <source>This does not look like an e-mail address (name@example.dk).</source>
        <translation>Det ligner ikke en e-mailadresse (navn@eksempel.dk).</translation>
    </message>
    <message>
        <source>A phone number has 8 digits, optionally with +45 in front.</source>
        <translation>Et telefonnummer har 8 cifre, eventuelt med +45 foran.</translation>
    </message>
    <message>
        <source>The birth date does not match the CPR number.</source>
        <translation>Fødselsdatoen passer ikke med CPR-nummeret.</translation>
    </message>
    <message>
        <source>The diagnosis date is before the birth date.</source>
        <translation>Diagnosedatoen ligger før fødselsdatoen.</translation>
    </message>
    <message>
        <source>{name} is registered as an older sibling but is born on or after {child}.</source>
        <translation>{name} er registreret som ældre søskende, men er født samme dag som eller efter {child}.</translation>
    </message>
    <message>
        <source>{name} is registered as a younger sibling but is born on or before {child}.</source>
        <translation>{name} er registreret som yngre søskende, men er født samme dag som eller før {child}.</translation>
    </message>
    <message>
        <source>{name} is a parent but is born after {child}.</source>
        <translation>{name} er registreret som forælder, men er født efter {child}.</translation>
    </message>
    <message>
        <source>Choose a stronger password (see the advice under the field).</source>
        <translation>Vælg en stærkere adgangskode (se rådene under feltet).</translation>
    </message>
    <message>
        <source>Choose your role.</source>
        <translation>Vælg din rolle.</translation>
    </message>
    <message>
        <source>A profile already exists on this laptop.</source>
        <translation>Der findes allerede en profil på denne computer.</translation>
    </message>
    <message>
        <source>The password is not correct. Wait {seconds} seconds before the next try.</source>
        <translation>Adgangskoden er forkert. Vent {seconds} sekunder, før du prøver igen.</translation>
    </message>
    <message>
        <source>A content file from the municipality was not taken into use, and Tovholder uses the content it came with. Please tell IT. {problem}</source>
        <translation>En indholdsfil fra kommunen blev ikke taget i brug, og Tovholder bruger det indhold, den kom med. Giv gerne IT besked. {problem}</translation>
    </message>
    <message>
        <source>Tovholder</source>
        <translation>Tovholder</translation>
    </message>
    <message>
        <source>Something unexpected happened. What you were typing has been kept as a draft. If it happens again, tell IT what you were doing; the log file holds the details (without personal data).</source>
        <translation>Der skete noget uventet. Det, du var ved at skrive, er gemt som kladde. Hvis det sker igen, så fortæl IT, hvad du var i gang med. Logfilen har detaljerne (uden personoplysninger).</translation>
    </message>
    <message>
        <source>Tovholder is already open on this computer. Use the window that is already open.</source>
        <translation>Tovholder er allerede åben på denne computer. Brug det vindue, der allerede er åbent.</translation>
    </message>
    <message>
        <source>The family&apos;s consent is not in force, so the summary cannot be printed or saved. Record consent first.</source>
        <translation>Familiens samtykke gælder ikke, så opsummeringen kan ikke udskrives eller gemmes. Registrér samtykke først.</translation>
    </message>
    <message>
        <source>The family&apos;s consent is not in force, so the network map cannot be exported.</source>
        <translation>Familiens samtykke gælder ikke, så netværkskortet kan ikke eksporteres.</translation>
    </message>
    <message>
        <source>Place the person on the map.</source>
        <translation>Placér personen på kortet.</translation>
    </message>
    <message>
        <source>The map already has people on it. A map from a file can only be read into an empty map.</source>
        <translation>Der er allerede personer på kortet. Et kort fra en fil kan kun læses ind i et tomt kort.</translation>
    </message>
    <message>
        <source>A person cannot be tied to themselves.</source>
        <translation>En person kan ikke forbindes med sig selv.</translation>
    </message>
    <message>
        <source>These two are already tied.</source>
        <translation>De to er allerede forbundet.</translation>
    </message>
    <message>
        <source>Choose the kind of partner.</source>
        <translation>Vælg hvilken slags samarbejdspartner.</translation>
    </message>
    <message>
        <source>The file is not a network map from Tovholder.</source>
        <translation>Filen er ikke et netværkskort fra Tovholder.</translation>
    </message>
    <message>
        <source>The file is too large to be a network map.</source>
        <translation>Filen er for stor til at være et netværkskort.</translation>
    </message>
    <message>
        <source>The file cannot be read as a network map: it breaks off or has an error in line {line}, column {column}.</source>
        <translation>Filen kan ikke læses som et netværkskort: den er afbrudt eller har en fejl i linje {line}, kolonne {column}.</translation>
    </message>
    <message>
        <source>The map was saved by a newer version of Tovholder. Install the newest version to read it.</source>
        <translation>Kortet er gemt af en nyere version af Tovholder. Installér den nyeste version for at læse det.</translation>
    </message>
    <message>
        <source>its number (ref) is missing or used twice.</source>
        <translation>dens nummer (ref) mangler eller er brugt to gange.</translation>
    </message>
    <message>
        <source>it is not a tie.</source>
        <translation>det er ikke en forbindelse.</translation>
    </message>
    <message>
        <source>it names a person who is not in the file.</source>
        <translation>den nævner en person, som ikke er i filen.</translation>
    </message>
    <message>
        <source>a person cannot be tied to themselves.</source>
        <translation>en person kan ikke forbindes med sig selv.</translation>
    </message>
    <message>
        <source>the same two people are tied twice.</source>
        <translation>de samme to personer er forbundet to gange.</translation>
    </message>
    <message>
        <source>the kind of tie is unknown.</source>
        <translation>slags forbindelse er ukendt.</translation>
    </message>
    <message>
        <source>Person {number} in the file cannot be read in: {problem}</source>
        <translation>Person {number} i filen kan ikke læses ind: {problem}</translation>
    </message>
    <message>
        <source>Tie {number} in the file cannot be read in: {problem}</source>
        <translation>Forbindelse {number} i filen kan ikke læses ind: {problem}</translation>
    </message>
    <message>
        <source>it is not a person.</source>
        <translation>det er ikke en person.</translation>
    </message>
    <message>
        <source>a text field holds something else than text.</source>
        <translation>et tekstfelt indeholder noget andet end tekst.</translation>
    </message>
    <message>
        <source>a yes/no field holds something else.</source>
        <translation>et ja/nej-felt indeholder noget andet.</translation>
    </message>
    <message>
        <source>the kind of support is unknown.</source>
        <translation>slags støtte er ukendt.</translation>
    </message>
    <message>
        <source>the relationship is unknown.</source>
        <translation>relationen er ukendt.</translation>
    </message>
    <message>
        <source>it has no place on the map.</source>
        <translation>personen har ingen plads på kortet.</translation>
    </message>
    <message>
        <source>its place on the map is not a number.</source>
        <translation>personens plads på kortet er ikke et tal.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Filen kunne ikke læses.</translation>
    </message>
    <message>
        <source>This backup cannot be restored: it is damaged or belongs to another profile. Nothing has been changed; choose another backup.</source>
        <extracomment>At unlock: a backup when the newest is older than this. At lock and quit: a backup when the newest is older than this (the end of her working day is kept). The newest backup of each of this many days is kept (and always the two newest).</extracomment>
        <translation>Denne sikkerhedskopi kan ikke lægges tilbage: den er beskadiget eller hører til en anden profil. Intet er blevet ændret; vælg en anden sikkerhedskopi.</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Show the folder</source>
        <translation>Vis mappen</translation>
    </message>
    <message>
        <source>Saved as {name} in {folder}. The file is not encrypted.</source>
        <translation>Gemt som {name} i {folder}. Filen er ikke krypteret.</translation>
    </message>
    <message>
        <source>Open to print</source>
        <translation>Åbn for at udskrive</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åbn</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Søg i:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Filtype:</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>The household</source>
        <translation>Husstanden</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Familiens navn</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <source>Nothing yet.</source>
        <translation>Intet endnu.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Remove {text}</source>
        <translation>Fjern {text}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Active</source>
        <translation>Aktivt</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>På pause</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <source>Phase I</source>
        <translation>Fase I</translation>
    </message>
    <message>
        <source>Phase II</source>
        <translation>Fase II</translation>
    </message>
    <message>
        <source>Phase III</source>
        <translation>Fase III</translation>
    </message>
    <message>
        <source>Consent missing</source>
        <translation>Intet samtykke</translation>
    </message>
    <message>
        <source>No tovholder</source>
        <translation>Ingen tovholder</translation>
    </message>
    <message>
        <source>Deadline passed</source>
        <translation>Frist overskredet</translation>
    </message>
    <message>
        <source>Consent runs out soon</source>
        <translation>Samtykke bortfalder snart</translation>
    </message>
    <message>
        <source>Contact due today</source>
        <translation>Kontakt i dag</translation>
    </message>
    <message>
        <source>Contact overdue</source>
        <translation>Kontakt forfalden</translation>
    </message>
    <message>
        <source>Health visitor</source>
        <translation>Sundhedsplejerske</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Senere</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Udført</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Sprunget over</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Underskrevet</translation>
    </message>
    <message>
        <source>Verbal</source>
        <translation>Mundtligt</translation>
    </message>
    <message>
        <source>Digital</source>
        <translation>Digitalt</translation>
    </message>
    <message>
        <source>language not given</source>
        <translation>sprog ikke angivet</translation>
    </message>
    <message>
        <source>Interpreter: {languages}</source>
        <translation>Tolk: {languages}</translation>
    </message>
    <message>
        <source>Follow-up conversation</source>
        <translation>Opfølgende samtale</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Hjemmebesøg</translation>
    </message>
    <message>
        <source>Call a network meeting</source>
        <translation>Indkald til netværksmøde</translation>
    </message>
    <message>
        <source>The family</source>
        <translation>Familien</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Fagperson</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tovholder</source>
        <translation>Tovholder</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Værktøjslinje</translation>
    </message>
    <message>
        <source>+ New case</source>
        <translation>+ Nyt forløb</translation>
    </message>
    <message>
        <source>New case from a referral (Ctrl+N)</source>
        <translation>Nyt forløb ud fra en henvisning (Ctrl+N)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Søg</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Samarbejdspartnere</translation>
    </message>
    <message>
        <source>The partner directory: organisations entered once and chosen on every family&apos;s map</source>
        <translation>Listen over samarbejdspartnere: organisationer, der skrives ind én gang og vælges på hver families kort</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lås</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L). What you are typing is kept.</source>
        <translation>Lås nu (Ctrl+L). Det, du er ved at skrive, bliver gemt.</translation>
    </message>
    <message>
        <source>Choose a family in the list, or create a new case from a referral (Ctrl+N).</source>
        <translation>Vælg en familie på listen, eller opret et nyt forløb ud fra en henvisning (Ctrl+N).</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Besked</translation>
    </message>
</context>
<context>
    <name>MapComparison</name>
    <message>
        <source>Compare: {before} → {after}</source>
        <translation>Sammenlign: {before} → {after}</translation>
    </message>
    <message>
        <source>Solid ring: added · Dashed ring: removed · Dotted ring: moved to another sector or closeness</source>
        <translation>Hel ring: tilføjet · Stiplet ring: fjernet · Prikket ring: flyttet til en anden sektor eller afstand</translation>
    </message>
    <message>
        <source>Added: {names}</source>
        <translation>Tilføjet: {names}</translation>
    </message>
    <message>
        <source>Removed: {names}</source>
        <translation>Fjernet: {names}</translation>
    </message>
    <message>
        <source>Moved: {names}</source>
        <translation>Flyttet: {names}</translation>
    </message>
    <message>
        <source>Changed: {names}</source>
        <translation>Ændret: {names}</translation>
    </message>
    <message>
        <source>Ties: {added} added, {removed} removed</source>
        <translation>Forbindelser: {added} tilføjet, {removed} fjernet</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Ændringer</translation>
    </message>
</context>
<context>
    <name>MapEditor</name>
    <message>
        <source>Add {name}</source>
        <translation>Tilføj {name}</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>Fjern {name}</translation>
    </message>
    <message>
        <source>Change {name}</source>
        <translation>Ret {name}</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Flyt</translation>
    </message>
    <message>
        <source>Add tie</source>
        <translation>Tilføj forbindelse</translation>
    </message>
    <message>
        <source>Remove tie</source>
        <translation>Fjern forbindelse</translation>
    </message>
    <message>
        <source>Read a map from a file</source>
        <translation>Læs et kort fra en fil</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Network map</source>
        <translation>Netværkskort</translation>
    </message>
</context>
<context>
    <name>Measures</name>
    <message>
        <source>How many people are in each part of the map and each ring.</source>
        <translation>Hvor mange personer der er i hver del af kortet og i hver ring.</translation>
    </message>
    <message>
        <source>How many people are in each part of the map: family; friends and neighbours; school, daycare, work and leisure; professionals.</source>
        <translation>Hvor mange personer der er i hver del af kortet: familie; venner og naboer; skole, dagtilbud, arbejde og fritid; professionelle.</translation>
    </message>
    <message>
        <source>How many people are in each ring: 1 is closest to the family, 3 is farthest. People placed outside the outer ring count in ring 3.</source>
        <translation>Hvor mange personer der er i hver ring: 1 er tættest på familien, 3 er længst væk. Personer uden for den yderste ring tælles i ring 3.</translation>
    </message>
    <message>
        <source>How many people are on the map.</source>
        <translation>Hvor mange personer der er på kortet.</translation>
    </message>
    <message>
        <source>How many of the family&apos;s own people are on the map: family, friends and neighbours, school, daycare, work and leisure.</source>
        <translation>Hvor mange af familiens egne personer der er på kortet: familie, venner og naboer, skole, dagtilbud, arbejde og fritid.</translation>
    </message>
    <message>
        <source>How many professionals are on the map: health, municipality, volunteers, patient associations.</source>
        <translation>Hvor mange professionelle der er på kortet: sundhed, kommune, frivillige, patientforeninger.</translation>
    </message>
    <message>
        <source>How much of the map is professionals (0 = none, 1 = everyone on the map).</source>
        <translation>Hvor stor en del af kortet der er professionelle (0 = ingen, 1 = alle på kortet).</translation>
    </message>
    <message>
        <source>Each part counted on its own: the people in it, the ties between them, how many of the possible ties exist (density; no data with fewer than two people), and how many others in the same part each person knows on average and at most (degree). Ties to the family are not counted.</source>
        <translation>Hver del tælles for sig: personerne i den, forbindelserne mellem dem, hvor mange af de mulige forbindelser der findes (tæthed; ingen data med færre end to personer), og hvor mange andre i samme del hver person kender i gennemsnit og højst (grad). Forbindelser til familien tælles ikke med.</translation>
    </message>
    <message>
        <source>How many pairs among the family&apos;s own people know each other. Professionals are not counted.</source>
        <translation>Hvor mange par blandt familiens egne personer der kender hinanden. Professionelle tælles ikke med.</translation>
    </message>
    <message>
        <source>How many pairs the family&apos;s own people could make, if everyone knew everyone.</source>
        <translation>Hvor mange par familiens egne personer kunne danne, hvis alle kendte alle.</translation>
    </message>
    <message>
        <source>How many of the possible ties among the family&apos;s own people exist (0 = none know each other, 1 = everyone knows everyone).</source>
        <translation>Hvor mange af de mulige forbindelser mellem familiens egne personer der findes (0 = ingen kender hinanden, 1 = alle kender alle).</translation>
    </message>
    <message>
        <source>People who know someone in another part of the map, and so can link the family&apos;s circles.</source>
        <translation>Personer, der kender nogen i en anden del af kortet og derfor kan forbinde familiens kredse.</translation>
    </message>
    <message>
        <source>People who know no one else on the map: they are linked to the family only.</source>
        <translation>Personer, der ikke kender andre på kortet: de er kun forbundet med familien.</translation>
    </message>
    <message>
        <source>How many people the family has a supportive relationship with.</source>
        <translation>Hvor mange personer familien har en støttende relation til.</translation>
    </message>
    <message>
        <source>How many people the family has a mixed relationship with: both good and hard.</source>
        <translation>Hvor mange personer familien har en blandet relation til: både god og svær.</translation>
    </message>
    <message>
        <source>How many people the family has a strained relationship with.</source>
        <translation>Hvor mange personer familien har en anstrengt relation til.</translation>
    </message>
    <message>
        <source>How many people the family is in conflict with.</source>
        <translation>Hvor mange personer familien er i konflikt med.</translation>
    </message>
    <message>
        <source>People who are new on the map.</source>
        <translation>Personer, der er nye på kortet.</translation>
    </message>
    <message>
        <source>People who are no longer on the map.</source>
        <translation>Personer, der ikke længere er på kortet.</translation>
    </message>
    <message>
        <source>People now in another part of the map or another ring. A small nudge within the same part and ring is not counted.</source>
        <translation>Personer, der nu er i en anden del af kortet eller en anden ring. En lille flytning inden for samme del og ring tælles ikke.</translation>
    </message>
    <message>
        <source>People in the same place whose name, relation, role, organisation, relationship, support or invitation changed.</source>
        <translation>Personer på samme plads, hvis navn, relation, rolle, organisation, forhold, støtte eller invitation er ændret.</translation>
    </message>
    <message>
        <source>New ties: two people who now know each other.</source>
        <translation>Nye forbindelser: to personer, der nu kender hinanden.</translation>
    </message>
    <message>
        <source>Ties that are gone.</source>
        <translation>Forbindelser, der er væk.</translation>
    </message>
    <message>
        <source>Ties that are still there but are now marked differently (strained, conflict).</source>
        <translation>Forbindelser, der stadig findes, men nu er markeret anderledes (anstrengt, konflikt).</translation>
    </message>
    <message>
        <source>How the family&apos;s relationships with the people on the map are: ambivalent means both good and hard.</source>
        <translation>Hvordan familiens relationer til personerne på kortet er: ambivalent betyder både god og svær.</translation>
    </message>
    <message>
        <source>What changed since the last saved version. Moved means now in another part of the map or another ring; a small nudge is not counted. A number in brackets is the change since that version.</source>
        <translation>Hvad der er ændret siden den sidst gemte version. Flyttet betyder nu i en anden del af kortet eller en anden ring; en lille flytning tælles ikke. Et tal i parentes er ændringen siden den version.</translation>
    </message>
</context>
<context>
    <name>MeasuresPanel</name>
    <message>
        <source>People by sector and closeness</source>
        <translation>Personer efter sektor og afstand</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <source>Ties among the family&apos;s own people: {ties} of {pairs} possible (density {density})</source>
        <translation>Forbindelser mellem familiens egne personer: {ties} af {pairs} mulige (tæthed {density})</translation>
    </message>
    <message>
        <source>Since «{version}»: {added} added, {removed} removed, {moved} moved, {changed} changed; ties: {ties_added} added, {ties_removed} removed, {ties_changed} marked differently</source>
        <translation>Siden «{version}»: {added} tilføjet, {removed} fjernet, {moved} flyttet, {changed} ændret; forbindelser: {ties_added} tilføjet, {ties_removed} fjernet, {ties_changed} markeret anderledes</translation>
    </message>
    <message>
        <source>People who bridge sectors: {names}</source>
        <translation>Personer, der forbinder sektorer: {names}</translation>
    </message>
    <message>
        <source>Ties among the family&apos;s own people: no data (fewer than two of them on the map)</source>
        <translation>Forbindelser mellem familiens egne personer: ingen data (færre end to af dem på kortet)</translation>
    </message>
    <message>
        <source>{people} on the map. The family&apos;s own: {private}. Professionals: {professional} ({share} of the map).</source>
        <translation>{people} på kortet. Familiens egne: {private}. Professionelle: {professional} ({share} af kortet).</translation>
    </message>
    <message>
        <source>People with no ties to others on the map: {names}</source>
        <translation>Personer uden forbindelse til andre på kortet: {names}</translation>
    </message>
    <message>
        <source>Relationships: {supportive} supportive, {ambivalent} ambivalent, {strained} strained, {conflict} in conflict</source>
        <translation>Relationer: {supportive} støttende, {ambivalent} ambivalente, {strained} anstrengte, {conflict} i konflikt</translation>
    </message>
    <message>
        <source>Each part of the map on its own</source>
        <translation>Hver del af kortet for sig</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>The family&apos;s own people</source>
        <translation>Familiens egne personer</translation>
    </message>
    <message>
        <source>{title}: nobody on the map{change}</source>
        <translation>{title}: ingen på kortet{change}</translation>
    </message>
    <message>
        <source>{title}: {people} · ties {ties} · density {density} · degree {average} on average, at most {most}{who}</source>
        <translation>{title}: {people} · forbindelser {ties} · tæthed {density} · grad {average} i gennemsnit, højst {most}{who}</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 person</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} personer</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>ingen data</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Family member</source>
        <translation>Familiemedlem</translation>
    </message>
    <message>
        <source>Change family member</source>
        <translation>Ret familiemedlem</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Relation to the family</source>
        <translation>Relation til familien</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternavn</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fødselsdato</translation>
    </message>
    <message>
        <source>DDMMYY-XXXX (optional)</source>
        <translation>DDMMÅÅ-XXXX (valgfrit)</translation>
    </message>
    <message>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Needs an interpreter</source>
        <translation>Har brug for tolk</translation>
    </message>
    <message>
        <source>Has parental responsibility (forældremyndighed)</source>
        <translation>Har forældremyndighed</translation>
    </message>
    <message>
        <source>Lives in the household</source>
        <translation>Bor i husstanden</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Diagnosed on</source>
        <translation>Diagnosticeret den</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <source>diagnosed</source>
        <translation>diagnosticeret</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>Diagnoser</translation>
    </message>
    <message>
        <source>Remove the chosen diagnosis</source>
        <translation>Fjern den valgte diagnose</translation>
    </message>
    <message>
        <source>Save person</source>
        <translation>Gem person</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>Family and relatives</source>
        <translation>Familie og slægt</translation>
    </message>
    <message>
        <source>Friends and neighbours</source>
        <translation>Venner og naboer</translation>
    </message>
    <message>
        <source>School, day care, work and leisure</source>
        <translation>Skole, dagtilbud, arbejde og fritid</translation>
    </message>
    <message>
        <source>Professionals</source>
        <translation>Professionelle</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tæt på</translation>
    </message>
    <message>
        <source>Middle</source>
        <translation>Midt imellem</translation>
    </message>
    <message>
        <source>Far</source>
        <translation>Længere væk</translation>
    </message>
    <message>
        <source>Supportive</source>
        <translation>Støttende</translation>
    </message>
    <message>
        <source>Ambivalent</source>
        <translation>Ambivalent</translation>
    </message>
    <message>
        <source>Strained</source>
        <translation>Anstrengt</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Practical help</source>
        <translation>Praktisk hjælp</translation>
    </message>
    <message>
        <source>Emotional support</source>
        <translation>Følelsesmæssig støtte</translation>
    </message>
    <message>
        <source>Knowledge and advice</source>
        <translation>Viden og råd</translation>
    </message>
    <message>
        <source>Respite</source>
        <translation>Aflastning</translation>
    </message>
    <message>
        <source>Know each other</source>
        <translation>Kender hinanden</translation>
    </message>
    <message>
        <source>Strained tie</source>
        <translation>Anstrengt forbindelse</translation>
    </message>
    <message>
        <source>Tie in conflict</source>
        <translation>Forbindelse i konflikt</translation>
    </message>
</context>
<context>
    <name>NetworkMapWindow</name>
    <message>
        <source>Network map – {family}</source>
        <translation>Netværkskort – {family}</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Tilføj person</translation>
    </message>
    <message>
        <source>Draw ties</source>
        <translation>Tegn forbindelser</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom ind</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom ud</translation>
    </message>
    <message>
        <source>Whole map</source>
        <translation>Hele kortet</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Fuld skærm</translation>
    </message>
    <message>
        <source>Initials and roles only</source>
        <translation>Kun initialer og roller</translation>
    </message>
    <message>
        <source>PNG picture …</source>
        <translation>PNG-billede …</translation>
    </message>
    <message>
        <source>PDF for printing …</source>
        <translation>PDF til udskrift …</translation>
    </message>
    <message>
        <source>Data for another system (JSON) …</source>
        <translation>Data til et andet system (JSON) …</translation>
    </message>
    <message>
        <source>Read a map from a file (JSON) …</source>
        <translation>Læs et kort fra en fil (JSON) …</translation>
    </message>
    <message>
        <source>Only into an empty map</source>
        <translation>Kun ind i et tomt kort</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksportér</translation>
    </message>
    <message>
        <source>Partners …</source>
        <translation>Samarbejdspartnere …</translation>
    </message>
    <message>
        <source>The partner directory: organisations entered once and chosen on every family&apos;s map</source>
        <translation>Listen over samarbejdspartnere: organisationer, der skrives ind én gang og vælges på hver families kort</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>● family  ■ friends  ◆ school, day care, work, leisure  ▲ professionals · filled: supportive, left half: ambivalent, open: strained, zigzag: conflict · dashed tie: strained, zigzag tie: conflict · ★ invite</source>
        <translation>● familie  ■ venner  ◆ skole, dagtilbud, arbejde, fritid  ▲ professionelle · fyldt: støttende, venstre halvdel: ambivalent, åben: anstrengt, zigzag: konflikt · stiplet forbindelse: anstrengt, zigzag-forbindelse: konflikt · ★ inviteres</translation>
    </message>
    <message>
        <source>{names}
and the family</source>
        <translation>{names}
og familien</translation>
    </message>
    <message>
        <source>The family</source>
        <translation>Familien</translation>
    </message>
    <message>
        <source>Leave full screen (Esc)</source>
        <translation>Forlad fuld skærm (Esc)</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Gemmer …</translation>
    </message>
    <message>
        <source>All saved</source>
        <translation>Alt er gemt</translation>
    </message>
    <message>
        <source>The map now</source>
        <translation>Kortet nu</translation>
    </message>
    <message>
        <source>Export the network map</source>
        <translation>Eksportér netværkskortet</translation>
    </message>
    <message>
        <source>Read a network map</source>
        <translation>Læs et netværkskort</translation>
    </message>
    <message>
        <source>Exporting …</source>
        <translation>Eksporterer …</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case from a referral</source>
        <translation>Nyt forløb ud fra en henvisning</translation>
    </message>
    <message>
        <source>1. The referral</source>
        <translation>1. Henvisningen</translation>
    </message>
    <message>
        <source>Who detected the family</source>
        <translation>Hvem opsporede familien</translation>
    </message>
    <message>
        <source>Choose …</source>
        <translation>Vælg …</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>phone or e-mail</source>
        <translation>telefon eller e-mail</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Kontaktoplysninger</translation>
    </message>
    <message>
        <source>Referral date</source>
        <translation>Henvisningsdato</translation>
    </message>
    <message>
        <source>Date of the referral</source>
        <translation>Henvisningsdato</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Modtaget via</translation>
    </message>
    <message>
        <source>How it came</source>
        <translation>Modtaget via</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <source>Why the family was referred, in a few words</source>
        <translation>Kort om, hvorfor familien er henvist</translation>
    </message>
    <message>
        <source>2. The family</source>
        <translation>2. Familien</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Familiens navn</translation>
    </message>
    <message>
        <source>e.g. Familien Nørgaard</source>
        <translation>fx Familien Nørgaard</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Postcode and town</source>
        <translation>Postnummer og by</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Født</translation>
    </message>
    <message>
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>Diagnoser</translation>
    </message>
    <message>
        <source>Family members</source>
        <translation>Familiemedlemmer</translation>
    </message>
    <message>
        <source>Add person …</source>
        <translation>Tilføj person …</translation>
    </message>
    <message>
        <source>Change …</source>
        <translation>Ændr …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Add the parents or carers, the child the referral is about, each sibling and anyone else in the household.</source>
        <translation>Tilføj forældre eller andre omsorgspersoner, det barn, henvisningen handler om, alle søskende og andre i husstanden.</translation>
    </message>
    <message>
        <source>3. The course model</source>
        <translation>3. Forløbsmodellen</translation>
    </message>
    <message>
        <source>Create case</source>
        <translation>Opret forløb</translation>
    </message>
    <message>
        <source>Familien {name}</source>
        <translation>Familien {name}</translation>
    </message>
</context>
<context>
    <name>NextStepsPage</name>
    <message>
        <source>What happens next</source>
        <translation>Det næste, der skal ske</translation>
    </message>
    <message>
        <source>What matters most to the family (in their words)</source>
        <translation>Det vigtigste for familien (med deres ord)</translation>
    </message>
    <message>
        <source>What matters most to the family</source>
        <translation>Det vigtigste for familien</translation>
    </message>
    <message>
        <source>Agreed next steps</source>
        <translation>Aftalte næste skridt</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Hvad der skal ske</translation>
    </message>
    <message>
        <source>The family</source>
        <translation>Familien</translation>
    </message>
    <message>
        <source>A professional</source>
        <translation>En fagperson</translation>
    </message>
    <message>
        <source>who (name)</source>
        <translation>hvem (navn)</translation>
    </message>
    <message>
        <source>Who (name)</source>
        <translation>Hvem (navn)</translation>
    </message>
    <message>
        <source>By when</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Tilføj skridt</translation>
    </message>
    <message>
        <source>by</source>
        <translation>inden</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>Næste kontakt</translation>
    </message>
    <message>
        <source>Kind of contact</source>
        <translation>Slags kontakt</translation>
    </message>
    <message>
        <source>Date of the next contact</source>
        <translation>Dato for næste kontakt</translation>
    </message>
    <message>
        <source>note, e.g. time and place</source>
        <translation>note, fx tid og sted</translation>
    </message>
    <message>
        <source>Note on the next contact</source>
        <translation>Note om næste kontakt</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planlæg</translation>
    </message>
    <message>
        <source>by {date}</source>
        <translation>inden {date}</translation>
    </message>
    <message>
        <source>Remove {text}</source>
        <translation>Fjern {text}</translation>
    </message>
    <message>
        <source>Write what will happen.</source>
        <translation>Skriv, hvad der skal ske.</translation>
    </message>
    <message>
        <source>Write the date of the next contact.</source>
        <translation>Skriv datoen for næste kontakt.</translation>
    </message>
</context>
<context>
    <name>Offers</name>
    <message>
        <source>The offer is paused at the moment; ask the provider when it starts again.</source>
        <translation>Tilbuddet holder pause lige nu; spørg udbyderen, hvornår det starter igen.</translation>
    </message>
    <message>
        <source>Nobody in the family is in the group this offer is for.</source>
        <translation>Ingen i familien hører til den gruppe, tilbuddet er for.</translation>
    </message>
    <message>
        <source>{name} is {age} years old; the offer is for ages {low}–{high}.</source>
        <translation>{name} er {age} år; tilbuddet er for {low}–{high}-årige.</translation>
    </message>
    <message>
        <source>The offer is for children with another diagnosis than the child&apos;s.</source>
        <translation>Tilbuddet er for børn med en anden diagnose end barnets.</translation>
    </message>
</context>
<context>
    <name>OffersPage</name>
    <message>
        <source>Offers</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <source>The offers open when the family&apos;s needs and resources are written down: at least one need and one resource. The family&apos;s own needs come first.</source>
        <translation>Tilbuddene åbner, når familiens behov og ressourcer er skrevet ned: mindst ét behov og én ressource. Familiens egne behov kommer først.</translation>
    </message>
    <message>
        <source>Suggested for this family&apos;s needs</source>
        <translation>Forslag ud fra familiens behov</translation>
    </message>
    <message>
        <source>Other offers</source>
        <translation>Andre tilbud</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>The whole family</source>
        <translation>Hele familien</translation>
    </message>
    <message>
        <source>Referred ✓</source>
        <translation>Henvist ✓</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>Henvis</translation>
    </message>
    <message>
        <source>Refer again</source>
        <translation>Henvis igen</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Change partner</source>
        <translation>Ret samarbejdspartner</translation>
    </message>
    <message>
        <source>New partner</source>
        <translation>Ny samarbejdspartner</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>e.g. Lægehuset ved Torvet</source>
        <translation>fx Lægehuset ved Torvet</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhed</translation>
    </message>
    <message>
        <source>e.g. Børneafdelingen, afsnit B2</source>
        <translation>fx Børneafdelingen, afsnit B2</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Contact points (a shared phone or a secretariat, not a private person)</source>
        <translation>Kontaktpunkter (en fælles telefon eller et sekretariat, ikke en privatperson)</translation>
    </message>
    <message>
        <source>Contact points</source>
        <translation>Kontaktpunkter</translation>
    </message>
    <message>
        <source>Add contact point</source>
        <translation>Tilføj kontaktpunkt</translation>
    </message>
    <message>
        <source>Remove contact point</source>
        <translation>Fjern kontaktpunkt</translation>
    </message>
    <message>
        <source>Informed about the effort (visits, staff meetings, letters)</source>
        <translation>Informeret om indsatsen (besøg, personalemøder, breve)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hvordan</translation>
    </message>
    <message>
        <source>Informed about the effort</source>
        <translation>Informeret om indsatsen</translation>
    </message>
    <message>
        <source>Add a time informed</source>
        <translation>Tilføj en gang informeret</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Save partner</source>
        <translation>Gem samarbejdspartner</translation>
    </message>
</context>
<context>
    <name>PartnerDirectory</name>
    <message>
        <source>Partner directory</source>
        <translation>Samarbejdspartnere</translation>
    </message>
    <message>
        <source>Schools, GP clinics, hospital departments, PPR, patient associations: entered once here and chosen on every family&apos;s network map.</source>
        <translation>Skoler, lægeklinikker, hospitalsafdelinger, PPR, patientforeninger: skrives ind én gang her og vælges på hver families netværkskort.</translation>
    </message>
    <message>
        <source>Find a partner</source>
        <translation>Find en samarbejdspartner</translation>
    </message>
    <message>
        <source>Find a partner (name or unit)</source>
        <translation>Find en samarbejdspartner (navn eller enhed)</translation>
    </message>
    <message>
        <source>Only those not informed about the effort in the last {months} months</source>
        <translation>Kun dem, der ikke er informeret om indsatsen de seneste {months} måneder</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Samarbejdspartnere</translation>
    </message>
    <message>
        <source>No partners yet. Add the school, the GP clinic or the hospital department the families use.</source>
        <translation>Ingen samarbejdspartnere endnu. Tilføj den skole, lægeklinik eller hospitalsafdeling, familierne bruger.</translation>
    </message>
    <message>
        <source>New partner</source>
        <translation>Ny samarbejdspartner</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ret</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>last informed {date}</source>
        <translation>sidst informeret {date}</translation>
    </message>
    <message>
        <source>not informed yet</source>
        <translation>ikke informeret endnu</translation>
    </message>
</context>
<context>
    <name>Partners</name>
    <message>
        <source>School</source>
        <translation>Skole</translation>
    </message>
    <message>
        <source>Day care</source>
        <translation>Dagtilbud</translation>
    </message>
    <message>
        <source>GP clinic</source>
        <translation>Lægeklinik</translation>
    </message>
    <message>
        <source>Hospital department</source>
        <translation>Hospitalsafdeling</translation>
    </message>
    <message>
        <source>PPR (educational psychology)</source>
        <translation>PPR (Pædagogisk Psykologisk Rådgivning)</translation>
    </message>
    <message>
        <source>Municipal department</source>
        <translation>Kommunal afdeling</translation>
    </message>
    <message>
        <source>Patient association</source>
        <translation>Patientforening</translation>
    </message>
    <message>
        <source>Voluntary organisation</source>
        <translation>Frivillig organisation</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
</context>
<context>
    <name>Password</name>
    <message>
        <source>This is a very common password. Choose another.</source>
        <translation>Det er en meget almindelig adgangskode. Vælg en anden.</translation>
    </message>
    <message>
        <source>Do not build the password from your own name.</source>
        <translation>Byg ikke adgangskoden op om dit eget navn.</translation>
    </message>
    <message>
        <source>Avoid repeating the same characters.</source>
        <translation>Undgå at gentage de samme tegn.</translation>
    </message>
    <message>
        <source>Avoid runs such as &quot;1234&quot; or &quot;abcd&quot;.</source>
        <translation>Undgå rækker som &quot;1234&quot; eller &quot;abcd&quot;.</translation>
    </message>
    <message>
        <source>Use at least {min} characters.</source>
        <translation>Brug mindst {min} tegn.</translation>
    </message>
    <message>
        <source>Four or five unrelated words, with spaces, make a strong password that is easy to remember.</source>
        <translation>Fire-fem ord, der ikke har noget med hinanden at gøre, med mellemrum imellem, giver en stærk adgangskode, som er nem at huske.</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Meget svag</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Svag</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Middel</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stærk</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Meget stærk</translation>
    </message>
    <message>
        <source>not good enough yet</source>
        <translation>ikke god nok endnu</translation>
    </message>
</context>
<context>
    <name>PeopleList</name>
    <message>
        <source>People on the map</source>
        <translation>Personer på kortet</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <source>Closeness</source>
        <translation>Afstand</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>The relationship</source>
        <translation>Relationen</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Invitér</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>New person</source>
        <translation>Ny person</translation>
    </message>
    <message>
        <source>From the family</source>
        <translation>Fra familien</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>e.g. grandmother, neighbour, class teacher</source>
        <translation>fx mormor, nabo, klasselærer</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <source>Closeness</source>
        <translation>Afstand</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>From the partner directory</source>
        <translation>Fra samarbejdspartnerlisten</translation>
    </message>
    <message>
        <source>(not from the directory)</source>
        <translation>(ikke fra listen)</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Samarbejdspartner</translation>
    </message>
    <message>
        <source>Contact point</source>
        <translation>Kontaktpunkt</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>Giver</translation>
    </message>
    <message>
        <source>The relationship</source>
        <translation>Relationen</translation>
    </message>
    <message>
        <source>The family wants them involved</source>
        <translation>Familien ønsker dem inddraget</translation>
    </message>
    <message>
        <source>Invite to network meetings</source>
        <translation>Inviteres til netværksmøder</translation>
    </message>
    <message>
        <source>Consent to share information with them</source>
        <translation>Samtykke til at dele oplysninger med dem</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Click on the map where the person belongs, or choose the place here.</source>
        <translation>Klik på kortet, hvor personen hører til, eller vælg placeringen her.</translation>
    </message>
    <message>
        <source>(someone else)</source>
        <translation>(en anden)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
</context>
<context>
    <name>PromptCard</name>
    <message>
        <source>Follow-up questions</source>
        <translation>Uddybende spørgsmål</translation>
    </message>
</context>
<context>
    <name>ReadBackPage</name>
    <message>
        <source>This is what we wrote down together</source>
        <translation>Det har vi skrevet ned sammen</translation>
    </message>
    <message>
        <source>Yes, that is right</source>
        <translation>Ja, det passer</translation>
    </message>
    <message>
        <source>Something must be changed</source>
        <translation>Noget skal rettes</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tilbage</translation>
    </message>
    <message>
        <source>You agree with the summary.</source>
        <translation>I er enige i opsummeringen.</translation>
    </message>
    <message>
        <source>We change what is not right.</source>
        <translation>Vi retter det, der ikke passer.</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>Draw the network map together with the family</source>
        <translation>Tegn netværkskortet sammen med familien</translation>
    </message>
    <message>
        <source>We talked about them</source>
        <translation>Vi har talt om personen</translation>
    </message>
    <message>
        <source>Not present</source>
        <translation>Ikke til stede</translation>
    </message>
    <message>
        <source>Not relevant</source>
        <translation>Ikke relevant</translation>
    </message>
    <message>
        <source>Why (e.g. at school today, we talk with him next time)</source>
        <translation>Hvorfor (fx i skole i dag; vi taler med ham næste gang)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Save reason</source>
        <translation>Gem begrundelse</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Write as you listen; it is saved as you type.</source>
        <translation>Skriv, mens du lytter; det gemmes, mens du skriver.</translation>
    </message>
    <message>
        <source>Resource (goes well)</source>
        <translation>Ressource (går godt)</translation>
    </message>
    <message>
        <source>Need (wants help with)</source>
        <translation>Behov (vil have hjælp til)</translation>
    </message>
    <message>
        <source>In the family&apos;s words</source>
        <translation>Med familiens ord</translation>
    </message>
    <message>
        <source>In the family&apos;s own words … (Enter adds it)</source>
        <translation>Med familiens egne ord … (Enter tilføjer)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>Om:</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>Område:</translation>
    </message>
    <message>
        <source>Write why, then press Enter.</source>
        <translation>Skriv hvorfor, og tryk Enter.</translation>
    </message>
    <message>
        <source>Write what the family said first.</source>
        <translation>Skriv først, hvad familien sagde.</translation>
    </message>
</context>
<context>
    <name>ServiceLevelDialog</name>
    <message>
        <source>Service level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>The level describes the services the family needs now, not the family. It can go down again.</source>
        <translation>Niveauet beskriver de ydelser, familien har brug for nu, ikke familien selv. Det kan godt gå ned igen.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Save level</source>
        <translation>Gem niveau</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>The screen</source>
        <translation>Skærmen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>after {n} minutes</source>
        <translation>efter {n} minutter</translation>
    </message>
    <message>
        <source>Lock by itself</source>
        <translation>Lås automatisk</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Stor</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Større</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tekststørrelse</translation>
    </message>
    <message>
        <source>Conversation guide</source>
        <translation>Samtaleguide</translation>
    </message>
    <message>
        <source>Guide for new conversations</source>
        <translation>Guide til nye samtaler</translation>
    </message>
    <message>
        <source>New conversations use</source>
        <translation>Nye samtaler bruger</translation>
    </message>
    <message>
        <source>Load the municipality&apos;s guide …</source>
        <translation>Indlæs kommunens guide …</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <source>Change the folder …</source>
        <translation>Skift mappe …</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Skift adgangskode</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Nuværende adgangskode</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Ny adgangskode</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Gentag den nye adgangskode</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <source>The password is changed.</source>
        <translation>Adgangskoden er skiftet.</translation>
    </message>
    <message>
        <source>Changing the password does not re-encrypt your records; it only changes the lock on the key.</source>
        <translation>Når du skifter adgangskode, bliver dine oplysninger ikke krypteret på ny. Det er kun låsen på nøglen, der skiftes.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>{title} (version {version})</source>
        <translation>{title} (version {version})</translation>
    </message>
    <message>
        <source>The municipality&apos;s conversation guide</source>
        <translation>Kommunens samtaleguide</translation>
    </message>
    <message>
        <source>Content files (*.yaml *.yml)</source>
        <translation>Indholdsfiler (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Loading the guide …</source>
        <translation>Indlæser guiden …</translation>
    </message>
    <message>
        <source>The guide was not loaded; the current guide is still used. {problem}</source>
        <translation>Guiden blev ikke indlæst; den nuværende guide bruges stadig. {problem}</translation>
    </message>
    <message>
        <source>Loaded: {title}, version {version}.</source>
        <translation>Indlæst: {title}, version {version}.</translation>
    </message>
    <message>
        <source>PDFs, pictures and data files are saved in {folder} unless you choose another place. They are not encrypted: delete them when they have been used.</source>
        <translation>PDF&apos;er, billeder og datafiler gemmes i {folder}, medmindre du vælger et andet sted. De er ikke krypterede: slet dem, når de er brugt.</translation>
    </message>
    <message>
        <source>Folder for exports</source>
        <translation>Mappe til eksport</translation>
    </message>
    <message>
        <source>That folder is part of a program&apos;s source code (git), where files can be shared by mistake. Choose another folder.</source>
        <translation>Mappen er en del af et programs kildekode (git), hvor filer kan blive delt ved en fejl. Vælg en anden mappe.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>De to nye adgangskoder er ikke ens.</translation>
    </message>
    <message>
        <source>Changing the password …</source>
        <translation>Skifter adgangskoden …</translation>
    </message>
</context>
<context>
    <name>SetupWindow</name>
    <message>
        <source>Tovholder – create your profile</source>
        <translation>Tovholder – opret din profil</translation>
    </message>
    <message>
        <source>Welcome to Tovholder</source>
        <translation>Velkommen til Tovholder</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Create your profile on this laptop. Everything you record is kept encrypted here and opened with your password. Choose a password you can remember: without it, only IT can open the records again.</source>
        <translation>Opret din profil på denne computer. Alt, hvad du registrerer, bliver gemt krypteret her og åbnes med din adgangskode. Vælg en adgangskode, du kan huske: uden den er det kun IT, der kan åbne dine oplysninger igen.</translation>
    </message>
    <message>
        <source>Create your profile on this laptop. Everything you record is kept encrypted here and opened with your password. Choose a password you can remember: without it, no one can open the records again, not even IT.</source>
        <translation>Opret din profil på denne computer. Alt, hvad du registrerer, bliver gemt krypteret her og åbnes med din adgangskode. Vælg en adgangskode, du kan huske: uden den kan ingen åbne dine oplysninger igen, heller ikke IT.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dit navn</translation>
    </message>
    <message>
        <source>Health visitor</source>
        <translation>Sundhedsplejerske</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Din rolle</translation>
    </message>
    <message>
        <source>e.g. Sundhedsplejen, Herning Kommune</source>
        <translation>fx Sundhedsplejen, Herning Kommune</translation>
    </message>
    <message>
        <source>Workplace</source>
        <translation>Arbejdsplads</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Arbejdstelefon</translation>
    </message>
    <message>
        <source>Work e-mail</source>
        <translation>Arbejdsmail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Gentag adgangskoden</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Opret profil</translation>
    </message>
    <message>
        <source>Write your name.</source>
        <translation>Skriv dit navn.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De to adgangskoder er ikke ens.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Opsummering</translation>
    </message>
    <message>
        <source>Made from what you wrote down together. Change the family&apos;s words on the earlier pages; read it back with the family here.</source>
        <translation>Lavet ud fra det, I har skrevet ned sammen. Ret familiens ord på de tidligere sider; læs det op med familien her.</translation>
    </message>
    <message>
        <source>Edit the wording</source>
        <translation>Ret ordlyden</translation>
    </message>
    <message>
        <source>Read back with the family (Ctrl+R)</source>
        <translation>Læs op med familien (Ctrl+R)</translation>
    </message>
    <message>
        <source>Does the family agree?</source>
        <translation>Er familien enig?</translation>
    </message>
    <message>
        <source>Yes, the family agrees</source>
        <translation>Ja, familien er enig</translation>
    </message>
    <message>
        <source>Not quite – something must be changed</source>
        <translation>Ikke helt – noget skal rettes</translation>
    </message>
    <message>
        <source>What the family would change (optional)</source>
        <translation>Det, familien vil have rettet (valgfrit)</translation>
    </message>
    <message>
        <source>What the family would change</source>
        <translation>Det, familien vil have rettet</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Enighed</translation>
    </message>
    <message>
        <source>Save the family&apos;s copy as PDF</source>
        <translation>Gem familiens kopi som PDF</translation>
    </message>
    <message>
        <source>Finish the conversation</source>
        <translation>Afslut samtalen</translation>
    </message>
    <message>
        <source>Show the summary</source>
        <translation>Vis opsummeringen</translation>
    </message>
    <message>
        <source>What matters most to the family</source>
        <translation>Det vigtigste for familien</translation>
    </message>
    <message>
        <source>What goes well</source>
        <translation>Det går godt</translation>
    </message>
    <message>
        <source>What the family wants help with</source>
        <translation>Det, familien vil have hjælp til</translation>
    </message>
    <message>
        <source>The family agrees with the summary.</source>
        <translation>Familien er enig i opsummeringen.</translation>
    </message>
    <message>
        <source>The family does not fully agree: change the text and read it back again.</source>
        <translation>Familien er ikke helt enig: ret teksten, og læs den op igen.</translation>
    </message>
    <message>
        <source>The summary has changed since it was read back: read it back again before the family&apos;s answer counts.</source>
        <translation>Opsummeringen er ændret, siden den blev læst op: læs den op igen, før familiens svar gælder.</translation>
    </message>
    <message>
        <source>Not read back yet.</source>
        <translation>Ikke læst op endnu.</translation>
    </message>
    <message>
        <source>The conversation is finished</source>
        <translation>Samtalen er afsluttet</translation>
    </message>
</context>
<context>
    <name>TiesPanel</name>
    <message>
        <source>Ties between people</source>
        <translation>Forbindelser mellem personer</translation>
    </message>
    <message>
        <source>Tie from</source>
        <translation>Forbindelse fra</translation>
    </message>
    <message>
        <source>Tie to</source>
        <translation>Forbindelse til</translation>
    </message>
    <message>
        <source>Kind of tie</source>
        <translation>Slags forbindelse</translation>
    </message>
    <message>
        <source>Add tie</source>
        <translation>Tilføj forbindelse</translation>
    </message>
    <message>
        <source>Remove tie</source>
        <translation>Fjern forbindelse</translation>
    </message>
</context>
<context>
    <name>TovholderDialog</name>
    <message>
        <source>Tovholder</source>
        <translation>Tovholder</translation>
    </message>
    <message>
        <source>Me ({name})</source>
        <translation>Mig ({name})</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>En anden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>phone or e-mail</source>
        <translation>telefon eller e-mail</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Kontaktoplysninger</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>e.g. knows the family; the main need is within health</source>
        <translation>fx kender familien; det største behov ligger på sundhedsområdet</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Why this person</source>
        <translation>Hvorfor denne person</translation>
    </message>
    <message>
        <source>Agreed with the family</source>
        <translation>Aftalt med familien</translation>
    </message>
    <message>
        <source>Save tovholder</source>
        <translation>Gem tovholder</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>Tovholder – locked</source>
        <translation>Tovholder – låst</translation>
    </message>
    <message>
        <source>Tovholder is locked</source>
        <translation>Tovholder er låst</translation>
    </message>
    <message>
        <source>Write your password to open your cases.</source>
        <translation>Skriv din adgangskode for at åbne dine forløb.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
    <message>
        <source>Forgot your password? IT can open your records again with the municipality&apos;s recovery key; nothing you have saved is lost.</source>
        <translation>Har du glemt din adgangskode? IT kan åbne dine oplysninger igen med kommunens gendannelsesnøgle. Intet af det, du har gemt, går tabt.</translation>
    </message>
    <message>
        <source>Your password is the only key to the records on this laptop: the municipality has no recovery key for this profile. Ask IT what to do if you have forgotten it.</source>
        <translation>Din adgangskode er den eneste nøgle til oplysningerne på denne computer: kommunen har ingen gendannelsesnøgle til din profil. Spørg IT, hvad du kan gøre, hvis du har glemt den.</translation>
    </message>
    <message>
        <source>Opening …</source>
        <translation>Åbner …</translation>
    </message>
    <message>
        <source>You can try again in {seconds} s.</source>
        <translation>Du kan prøve igen om {seconds} sek.</translation>
    </message>
</context>
<context>
    <name>VersionsPanel</name>
    <message>
        <source>Save a version</source>
        <translation>Gem en version</translation>
    </message>
    <message>
        <source>e.g. At the first conversation</source>
        <translation>fx Ved den første samtale</translation>
    </message>
    <message>
        <source>Name of the version</source>
        <translation>Versionens navn</translation>
    </message>
    <message>
        <source>Save version</source>
        <translation>Gem version</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Sammenlign</translation>
    </message>
    <message>
        <source>Compare from</source>
        <translation>Sammenlign fra</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Sammenlign med</translation>
    </message>
    <message>
        <source>Compare side by side</source>
        <translation>Sammenlign side om side</translation>
    </message>
    <message>
        <source>{label} – {date}: {people} people, {ties} ties</source>
        <translation>{label} – {date}: {people} personer, {ties} forbindelser</translation>
    </message>
    <message>
        <source>No versions saved yet.</source>
        <translation>Ingen versioner gemt endnu.</translation>
    </message>
    <message>
        <source>The map now</source>
        <translation>Kortet nu</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Message about this field</source>
        <translation>Besked om feltet</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Træk samtykke tilbage</translation>
    </message>
    <message>
        <source>The family withdraws its consent to: {scope}</source>
        <translation>Familien trækker sit samtykke tilbage til: {scope}</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Begrundelse (valgfri)</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Træk tilbage</translation>
    </message>
</context>
</TS>
