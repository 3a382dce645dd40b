//! Turning a scraped article into clean blocks: the headline, paragraphs
//! and crossheads, with what no reader counts as the article (bylines,
//! datelines, timestamps, share and follow prompts, related-article lists,
//! captions and credits, copyright lines, breadcrumbs, newsletter and
//! advertisement labels) set aside, labelled and kept, never silently
//! dropped. The byline, dateline and dates it finds become metadata.
//! French and English. Pure.
//!
//! The same line classifier cleans the text extracted from saved web pages
//! (`html`), so both kinds of seed are judged by one set of rules.
//!
//! Scraped text is read with the layout a text dump (w3m, lynx, html2text)
//! gives it (`Layout`): blocks, indentation, table rows. Text under a list's
//! bullets (comments, teasers) does not make the article; pictures, captions,
//! buttons and tables inside it do not break it; after its last paragraph
//! only the sentences that follow without a break still belong to it.

use crate::fold::fold;
use crate::page::Removed;
use crate::text::{squash_spaces, word_count};
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Plain text, escaped when written as markdown.
    Paragraph(String),
    /// A short line inside the article that introduces a section.
    Heading(String),
    /// Markdown already (a markdown seed's block, or a converted web
    /// page's), with its plain text for the rules to read.
    Markdown { markdown: String, plain: String },
}

impl Block {
    /// A heading, or a web page's list item: the structure of a text, not
    /// a paragraph of it.
    pub fn is_structure(&self) -> bool {
        match self {
            Block::Heading(_) => true,
            Block::Markdown { markdown, .. } => {
                let m = markdown.trim_start();
                m.starts_with('#') || m.starts_with("- ") || m.starts_with("* ") || {
                    let digits = m.bytes().take_while(u8::is_ascii_digit).count();
                    digits > 0 && m[digits..].starts_with(". ")
                }
            }
            Block::Paragraph(_) => false,
        }
    }

    /// The text the rules read.
    pub fn text(&self) -> &str {
        match self {
            Block::Paragraph(t) | Block::Heading(t) | Block::Markdown { plain: t, .. } => t,
        }
    }

    /// A markdown block from its markdown.
    pub fn markdown(markdown: String) -> Block {
        let plain = crate::markdown::plain_text(&markdown);
        Block::Markdown { markdown, plain }
    }
}

#[derive(Debug, Default)]
pub struct Article {
    pub title: Option<String>,
    pub blocks: Vec<Block>,
    pub removed: Vec<Removed>,
    /// The place a dispatch was filed from, e.g. "Moscou".
    pub dateline: Option<String>,
    /// A full publication date (YYYY-MM-DD), only when the text states one.
    pub date: Option<String>,
    /// The timestamp line as given, when it states no full date.
    pub date_text: Option<String>,
    /// The byline's names.
    pub author: Option<String>,
    /// The page's address, when the seed states it.
    pub url: Option<String>,
    /// The site's own name, when a saved page states it.
    pub site_name: Option<String>,
    /// Other names the page may go by, believed only when the outlet
    /// registry knows them: the end of a page's `<title>`.
    pub name_hints: Vec<String>,
    /// The language a saved page declares.
    pub language: Option<String>,
    /// Lines that may credit a wire agency (bylines, datelines, credit lines
    /// and the article's first and last lines), for `ingest` to match.
    pub credits: Vec<String>,
}

/// Where a paragraph of scraped text sat on the page, as a text dump (w3m,
/// lynx) lays it out: which blank-line-separated block it belongs to, how
/// far its line is indented (list items, quotes and nested boxes are), and
/// whether it is a row of a table (cells apart by runs of spaces).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Layout {
    pub block: usize,
    pub indent: usize,
    pub table: bool,
}

/// Splits scraped text into paragraphs: blank lines separate blocks, and
/// each line of a block is its own paragraph unless the block is hard-wrapped.
pub fn paragraphs(raw: &str) -> Vec<String> {
    laid_out(raw).into_iter().map(|(p, _)| p).collect()
}

/// The paragraphs of scraped text with their layout.
pub fn laid_out(raw: &str) -> Vec<(String, Layout)> {
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Vec::new();
    for (block, text) in raw.split("\n\n").enumerate() {
        let raw_lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let lines: Vec<&str> = raw_lines.iter().map(|l| l.trim()).collect();
        if lines.is_empty() {
            continue;
        }
        let layout = |raw: &str| Layout {
            block,
            indent: raw.chars().take_while(|c| c.is_whitespace()).count(),
            table: is_table_row(raw.trim()),
        };
        // Hard-wrapped text has lines of a terminal's width that stop
        // mid-sentence; scraped text has one (long) line per paragraph.
        let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let wrapped = lines.len() > 1
            && lines[..lines.len() - 1].iter().all(|l| {
                let len = l.chars().count();
                (40..=100).contains(&len)
                    && len * 4 >= widest * 3
                    && !l.ends_with(['.', '!', '?', '»', '"', ':', ')'])
                    && url_line(l).is_none()
            })
            // (Items of a list, one a line, are not a wrapped paragraph.)
            && !lines[1..].iter().any(|l| is_list_item(l));
        if wrapped {
            out.push((squash_spaces(&lines.join(" ")), layout(raw_lines[0])));
        } else {
            for (line, raw) in lines.iter().zip(&raw_lines) {
                let line = squash_spaces(line);
                if !line.is_empty() {
                    out.push((line, layout(raw)));
                }
            }
        }
    }
    out
}

/// A row of a table as a text dump draws it: three cells or more, apart by
/// runs of two spaces or more.
fn is_table_row(line: &str) -> bool {
    let cells = line.split("  ").filter(|c| !c.trim().is_empty()).count();
    cells >= 3 && line.matches("   ").count() >= 2
}

/// The patterns run on folded text, where letters are ASCII: their word
/// boundaries are ASCII ones, which the fast search engines handle on any
/// text (a Unicode `\b` sends a search on text with a non-ASCII character,
/// such as a quotation mark, to the slowest engine).
fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("built-in pattern is valid"))
}

macro_rules! pattern {
    ($name:ident, $re:expr) => {
        fn $name() -> &'static Regex {
            static R: OnceLock<Regex> = OnceLock::new();
            re(&R, $re)
        }
    };
}

// Every pattern runs on folded text: lowercase, no accents, straight quotes.
pattern!(
    consent_strong,
    r"tout accepter|tout refuser|parametrer vos choix|(utilise|utilisons|uses|use) (des |de )?cookies|accept all|reject all|manage (your )?(cookie|privacy)|cookie settings"
);
pattern!(
    consent_weak,
    r"\bcookies?\b|politique de confidentialite|\bconsent(ez|ement)?\b|privacy policy|traceurs|donnees personnelles|personal data|\bterms (and conditions|of (use|service))\b|conditions generales d'utilisation|\byour email address\b"
);
pattern!(
    follow,
    r"^(suivez|retrouvez|rejoignez|abonnez)[- ](-?nous|-?vous|\w+ en \w+)|^suivez\b|^follow\b[^.,;:]{0,50}\s(on|sur)\s+[\w.+ ]{1,20}$|^follow us\b|^join (us|our)\b.{0,40}\b(on|channel|telegram|whatsapp)\b|^subscribe (to|on)\b|^abonnez-vous\b|^like us on\b|^rejoignez-nous\b|\bon (telegram|mastodon|twitter|x|facebook|instagram|whatsapp|tiktok|youtube|bluesky|threads|linkedin)\s*$"
);
pattern!(
    share,
    r"^partage\s*:?$|^(lien|link) (copie|copied)\b|^(partager|partagez|share|imprimer|print|envoyer|tweeter|tweet|email|e-mail|copier le lien|copy link|click to share|share this|reprints?)\b|^(tweet|digg|reddit|pin|like|share|email|print|save) (this|it)\b|^order (a )?reprints?\b|^version imprimable\b|^(printer[- ]friendly|print) version\b|^purchase licensing rights\b"
);
pattern!(
    related,
    r"^(a )?(lire|voir|decouvrir|ecouter|regarder) (aussi|egalement)|^a decouvrir\s*:?$|^(sommaire|table des matieres|(table of )?contents|dans cet article|in this (article|story))\s*:?$|^(more (on|videos)|plus de videos)\b[^.!?]{0,40}$|^(a )?(lire|voir) (plus|la suite)\b|^(articles )?(les )?plus lus\s*$|^(read|see|watch) (also|more|next)\b|^(also|further) read\b|^related( (articles?|stories|content|news))?\b|^sur le meme sujet\b|^>{1,2}|^(plus|more) (d'infos|d'articles|stories|news|from)\b|^dans la meme rubrique\b|^(latest|top|breaking|more) (news|stories|headlines)\s*$|^(les )?(plus lus|dernieres (infos|actualites|actus|nouvelles))\s*$|^(a la une|most read|(more )?trending( now| stories| news)?|recommended( for you)?|you may also like|vous aimerez aussi|nos articles)\s*:?\s*$|^recommandes?\s*:|^recommended (from|for|by)\b.{0,30}$|^(charger|afficher|voir|load|show) (plus|more)\b.{0,30}$|^(article|billet|post) (precedent|suivant)\b|^(previous|next) (article|story|post)\b|^articles? (en relation|lies|connexes|similaires|associes)\b|(full story|read more|read the full story|continue reading|lire la suite|lire l'article|en savoir plus)\s*[>»›→]*\s*$"
);
pattern!(source_footer, r"^sources?\s*:");
// A text field as lynx draws it: "____________________ (BUTTON)".
// "… a press conference. (Matt Stone/Boston Herald)": a photographer and
// agency credited, as captions are (a wire's "(ats/nxp)" is lower case).
pattern!(photo_credit, r"\(\p{Lu}\p{Ll}[^()/\d]{1,40}/\p{Lu}\p{Ll}[^()/\d]{1,40}\)$");
// "… poses with classmates in 1981. Photo by Handout/School Board/AFP".
pattern!(photo_by, r"[.!?]\s+(photo|photograph|picture|image|file photo)s? (by|courtesy of)\s+\w[\w .,'/&-]{1,90}$");
pattern!(lynx_field, r"^_{6,}(\s*\(button\).*)?$");
pattern!(
    video_teaser,
    r"^\d{1,2}:\d{2}\s+[\p{Lu}'‘\x22“«][^.!?]*[^.!?:]$|^\d{1,2}:\d{2}\s*[-–—]\s*(?i:source|source ?:|via)\b.{0,30}$|^(?i:video|watch now|watch)\s+\d{1,2}:\d{2}(\s+\d{1,2}:\d{2})?$"
);
// "Accueil à la une Parité…": a trail from the home page, without separators.
pattern!(home_trail, r#"^(accueil|home|homepage|page d'accueil)\s+\S.*[^.!?»"]$"#);
// A reporter's address or handle on a line of its own.
pattern!(contact, r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$|^@\w{2,30}$");
pattern!(
    caption,
    r"\((?:[^()]*\b(?:photo|photos|picture|pictures|pic|image|illustration|archives?|credit|getty|dr|d\.r)\b[^()]*)\)\.?$|\([^()]*/[^()]*\b(?:afp|reuters|ap|epa|getty|sipa|maxppp|belga|keystone)\b[^()]*\)\.?$|^(photo|photos|credit|credits|image|illustration)\s*:|\b(photos?|credits?|images?)\s*:\s*[\w .,'/-]{2,80}$|/\s*(afp|reuters|ap|epa|getty images?|sipa|maxppp|belga|keystone)\s*\)?\.?$|\((afp|reuters|ap|getty images|epa) (photo|file)\)\.?$|\b(afp|reuters|ap|epa|getty images?|sipa|maxppp|belga|keystone|abaca|anadolu|xinhua)\s*/\s*[\p{L}][\p{L} .'-]{1,40}$|\s[-–—]\s*(picture|photo|pic|image|video)s?\s*(by|courtesy of|:)\s*\p{L}[\p{L} .,'/&-]{1,60}$|^file\s*[-–—]\s|^(clockwise )?from (top |bottom )?(left|right)( to (right|left))?\s*:|^(de gauche a droite|de haut en bas)\s*:|^in this (\w+ ){0,2}(photo|image|picture)\b|^(media|image|video|photo) caption\b|\b\d+ (photos|images|pictures|videos)\s*$|\b(capture d'ecran|captures d'ecran|screenshot|screengrab|screen grab)\b[^.]*$|^(cc|cc-by\S*|photo|image|credit)\b[^.]{0,40}\bhttps?://\S+$|^iframe\s*:\s*https?://\S+$|^via (giphy|getty images|youtube|twitter|instagram|tenor|imgur)\s*$|^\[\d{1,3}/\d{1,3}\]\s"
);
// The news agencies' caption: "FILE - In this June 20, 2020, file photo,
// the winner …", "In this image made from video, …" — whatever its length.
pattern!(
    agency_caption,
    r"^(file\s*[-–—]\s*)?in this [^.]{0,60}?\b(file )?(photo|image|picture|frame grab|video grab)( (made|taken|provided|released))?\b[^.]{0,60},"
);
// A gallery's counter: "Image 1 of 1", "Photo 3 sur 12", "1 / 5".
pattern!(gallery_counter, r"^((image|photo|picture|slide|diapositive)s? )?\d{1,3} ?(of|sur|de|/) ?/? ?\d{1,3}$");
// The heading of what a page puts after its article: comment rules, lists
// of other posts, archives.
pattern!(
    after_article,
    r"^(house rules|comments? (policy|guidelines|rules)|community (guidelines|standards)|leave a (comment|reply)|post a comment|join the (conversation|discussion)|recent posts|related posts|popular posts|latest posts|archives|featured tags|tags|commentaires|laisser un commentaire|laissez un commentaire|reagissez|dans la meme rubrique|a lire aussi|sur le meme theme|nos derniers articles|articles recents|derniers articles|comments?|comments? \(\d+\)|(tous )?(vos |les )?commentaires? \(\d+\)|reagir|mots-cles|keywords)\s*:?\s*$"
);
// The heading of a box of links that may sit inside an article as well as
// after it: it ends the article only when teasers, not paragraphs, follow.
pattern!(
    links_box,
    r"^(related (articles?|stories|content|news)|read more|see also|en relation|plus (par|dans|de) [\w .'-]{1,30}|more on this( story| topic)?|(a )?lire aussi|voir aussi|you may also like|(a )?decouvrir (aussi|egalement)|a decouvrir|a la une|vous aimerez aussi|sur le meme sujet|(most|les plus) (read|popular|viewed|shared|lus|partages|commentes)\b.{0,30}|editor'?s picks|top stories|latest (news|stories)|just in|explore more\b.{0,40}|reactions|[\w .'-]{1,30} resources|more stories|you might also like|more (from|in) [\w .'-]{1,30})\s*:?\s*$"
);
pattern!(rights_reserved, r"\ball rights reserved\b|\btous droits reserves\b|\bmay not be (published|reproduced)\b");
pattern!(copyright, r"^(©|\(c\)|copyright\b)|\ball rights reserved\b|\btous droits reserves\b|\bdroits reserves\b");
pattern!(
    timestamp,
    r"^(derniere )?mise? a jour\b|^mis a jour\b|^publie\b|^publication\s*:|^(last )?updated?\b|^published\b|^posted\b|^date\s*:|^modifie le\b|^cree(\s+le\b|\s*:)|^date\s+\d[\d./-]*\s*$|\b\d+ ?(s|m|h|d|w|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?) ago\s*$|\bil y a \d+ (min|minutes?|h|heures?|jours?|semaines?|mois)\s*$"
);
// A publication stamp later in a header line: "Source: X Published: 2018/7/21".
pattern!(
    timestamp_inside,
    r"\b(published|posted|updated|modified|publie|modifie|mis a jour|mise a jour)\s*(le|on)?\s*:?"
);
// The site's own advertising desk: "Advertising rates", "Advertise with us".
pattern!(
    advertising_desk,
    r"^advertis(e|ing) (with us|rates|enquiries|inquiries)\b|\bcontact (the|our) advertising\b|\badvertising (office|department|team|rates)\b|^(pour )?(annoncer|faire de la publicite) (chez|dans|avec) nous\b|\bregie publicitaire\b"
);
// An interface word in capitals glued to a caption: "CLOSE Flooding along…".
pattern!(interface_prefix, r"^(CLOSE|SKIP|EXPAND|PLAY|FERMER|PREVIOUS|NEXT|PRÉCÉDENT|SUIVANT)\s+\p{Lu}");
// What a page says about its comments: the prompt to write one, the rules,
// a reply button, a reply's header ("par Horus En réponse à : …").
pattern!(
    comments,
    r"\bcomments? section\b|\bkeep (your )?comments\b|\b(log|sign) in (here )?to (leave a |post a |add a )?comment|\bvotre (commentaire|message) sera publie\b|\bajoutez votre commentaire\b|\blaisse[rz] un commentaire\b|\bmoderation a priori\b|^(repondre|reply|report|signaler)( a ce (message|commentaire)| this comment)?\s*$|\ben reponse a\s*:|\b(in reply|replying) to\b\s*:?\s*\S+\s*$|^reagissez a (cet|l') article\b|\b(would you like|want) to comment on\b|^(vos|les|your) (reactions|commentaires|comments)(\s*\(\d+\))?\s*$|^publier un (nouveau )?commentaire\s*$|^\W*reagir(\s*\(\d+\))?\s*$|^suggest a correction\s*$|\b(append|allow|open|close[sd]?) (comment|comments|comment threads)\b|\bcomment threads\b"
);
pattern!(comments_on, r"^\d+ (commentaires?|comments?|reponses?|responses?|reactions?|thoughts) (sur|on|to|a)\b");
pattern!(
    comments_heading,
    r"^(\d+\s+)?(commentaires?|comments?|reactions?)(\s*\(\d+\))?\s*:?$|^(ecrire|rediger|poster|ajouter|laisser|laissez|publier|donnez) (un|votre) (commentaire|avis)\b|^(leave|post|add|write|submit) a (comment|reply)\b|^(tous )?(vos|les) commentaires\b|^reagissez\b|^(\d+\s+)?(thoughts|responses|replies) (on|to)\b|^(vos|les|your|our readers') (reactions|commentaires|comments)(\s*\(\d+\))?\s*$"
);
pattern!(
    comment_prompt,
    r"\b(leave|post|add|write|submit) (a|your) (comment|reply)\b|\bjoin the (conversation|discussion|debate)\b|^(ask|submit|send) (us )?(your|a) question\b|^posez (votre|vos) questions?\b"
);
// "Le Club est l'espace de libre expression des abonnés…", "The views
// expressed are the author's own".
pattern!(
    disclaimer,
    r"\bn'engagent? (pas|que) (la redaction|leurs? auteurs?|l'auteur)|\bcontenus n'engagent\b|\bdo(es)? not necessarily (reflect|represent)\b|\baffiliate (commission|links?|partners?)\b|\bmay (earn|receive) (a|an) (small )?(commission|share)\b|\bcommission d'affiliation\b|\bliens? affilies?\b|\b(views|opinions) expressed (here |in this [\w ]{1,20})?(are|do not)\b"
);
// Appeals to subscribe, donate or log in.
pattern!(
    subscribe,
    r"\babonnez-vous\b|\ben vous abonnant\b|^je m'abonne\b|^j'adhere\b|\b(adhesion|don|dons|donation|gift) (est|sont|is|are) (deductibles?|tax[- ]deductible)\b|\bdeductibles? (de vos|des) impots\b|\bdeja abonne|\bsubscribe (now|today)\b|\bbecome a (member|subscriber)\b|\balready (a )?(subscriber|member)\b|\bsupport (our|independent|quality) journalism\b|^(je fais|faites|faire) un don\b|\bmake a (donation|contribution)\b|^join for [£$€]?\d|\bsubscribers? only\b|\breservee?s? aux abonnes\b|^(se connecter|s'identifier|identifiez-vous|connectez-vous)\b|\bj'offre un abonnement\b|\bsign in or (create|register)\b|^(create|creez(-vous)?) (an|un|your|votre) (free )?(account|compte)\b|\b(register|sign in|log in|subscribe)( / (sign in|register))? to (unlock|continue|keep reading|read (more|this|the full))\b|\bunlock (more|this|the full) (articles?|stor(y|ies))\b|\bunlimited (digital |online )?access\b|\bprint subscriber\b|^view (more )?(offers|plans)\s*$|\bregistering for free\b|\bsign-in if you have an account\b|\breserved for (subscribers|members)\b|\bcontent is reserved\b|\bsign in without (a )?password\b|^(ajouter|add) (aux favoris|a vos selections|to (your )?(favourites|favorites|saved articles|reading list))\b|^pour ajouter l'article\b|^creer un compte\s*$|\bvous (possedez|avez) deja un compte\b|\balready have an account\b|\barticles? gratuits?\b|\byou have (read|reached) \d+\b.{0,30}\barticles?\b|\bfree articles? (left|remaining|this month)\b|^subscribe (for|to (read|unlock|get)) (more|unlimited|all)\b|\bdon't have an account\b|^create (an )?account\s*$|\bnew way to (log ?in|sign in)\b|\bto (view|read|continue reading) (the full|this|the rest of (the|this)) (story|article)\b.{0,20}\bsubscribe\b|^il vous reste \d+(?:[.,]\d+)? ?% (de (cet|l') article )?a (decouvrir|lire)\b|^join now or renew\b|\bplease consider (making a (donation|contribution)|donating|supporting)\b|^got a (news )?tip\?"
);
// "Topics: uber, libertarians", "Mots-clés : …": the page's tags.
pattern!(topics, r"^(topics?|tags?|mots[- ]cles|themes?|sujets?|keywords|filed under)\s*:");
// "US & Canada is sponsored by", "Brought to you by".
pattern!(
    sponsor,
    r"\b(is |are )?(sponsored|supported|presented|powered) by\s*\S{0,40}$|\bbrought to you by\b|\bin partnership with\s*\S{0,40}$|\ben partenariat avec\s*\S{0,40}$|\bsponsorise par\b"
);
// A video player's buttons and counters.
pattern!(
    player,
    r"\b(next video|video will (play|start|begin)|up next|autoplay|full ?screen|view (photos|gallery)|captions will look like|replay|unmute|mute|video starts in|lecture automatique|plein ecran|video suivante|now (watching|playing))\b|^\d+ (of|sur|/) \d+$|\bvideo (has )?failed to load\b|^try refreshing (your|the) (browser|page)\b|\bother videos from\b|^back to video\s*$|\b(enable|activer|activez) (le )?javascript\b|^(loading|chargement)(\.{3}|…)?\s*$"
);
// "Votre navigateur est obsolète. Veuillez le mettre à jour …": the site
// speaking of the reader's browser, however long.
pattern!(
    browser_notice,
    r"\b(your|votre) (browser|navigateur) (is|est) (outdated|obsolete|out of date|not supported|no longer supported|trop ancien)\b|\b(update|upgrade|mettre a jour|mettez a jour) (your|votre) (browser|navigateur)\b|^(si vous voyez ceci|if you (can )?see this)\b|\b(videz|vider|clear) (le|your) cache\b|^to (view|watch|play) this (video|content|media)\b.{0,40}\b(enable|activate|allow)\b|^pour (voir|lire|visionner) cette video\b.{0,40}\b(activer|activez)\b"
);
// "Photo of Paige McCartney": a portrait's alt text, naming the author.
pattern!(
    avatar,
    r"^(?i:photo|image|picture|avatar|portrait|headshot|head shot|mugshot)(?:\s+(?i:portrait|profile|de profil))?\s+(?i:of|de|du)\s+(\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){1,5})"
);
pattern!(
    advertisement,
    r"^(advertis(e)?ment|advertisment|publicite|pub|sponsored|sponsorise|contenu sponsorise|annonce|paid content|partner content|ad|advertising|hide ad|skip ad|(video )?ad feedback|close ad|report (this )?ad)\s*:?\s*$|^(story|article) continues (below|after)( (this )?(advertisement|ad))?\s*$|^advertisement\s*[-–—]\s*scroll to continue\s*$|^(don't want to see this\?\s*)?(remove|hide|block) (the )?ads\b|^(passer|fermer) (la )?(publicite|pub)\s*$|^(\d{1,2}\.\s+)?advertis(e)?ment\s+\d{1,2}\s*$|^this (advertisement|ad) has not loaded yet\b"
);
pattern!(
    newsletter,
    r"newsletter|\bby signing up\b|\bliste de diffusion\b|\bmailing list\b|^en remplissant ce formulaire\b|^(recevoir|recevez) (les informations|la lettre|nos informations|nos actualites)\b|^stay up to date with (notifications|alerts|updates) from\b|\bwelcome email\b|\bcheck your (junk|spam) (folder|mail)\b|\bvos courriels indesirables\b|^(thanks|thank you|merci) (for signing up|for subscribing|de votre inscription|pour votre inscription)\b|inscrivez-vous|^(sign up|subscribe|s'inscrire|je m'inscris|s'abonner|je m'abonne)\s*!?$|protected by recaptcha|sign up (for|to)|subscribe to our|recevez (notre|nos|chaque)|abonnez-vous a notre|get our .{0,30}(email|newsletter)|^chaque (jour|semaine|matin|soir)\b.{0,80}\bvous\b|\b(every|each) (day|week|morning)\b.{0,60}\b(inbox|email)\b|\b(in|to) your inbox\b|\bdans votre boite (mail|e-mail|de reception)\b|^get (daily|weekly|the latest|our)\b[^.]{0,40}\b(news|newsletter|updates)\s*$|\bwe'?ll (send|point|deliver)\b.{0,40}\byou\b.{0,60}\b(news|stories|analysis|briefing)\b|^get in touch with (our|the) (news|newsroom|editorial) (team|desk)\b|^for more stories like this\b"
);
pattern!(
    notice,
    r"^cet article date de\b|^this article is (more than|over) \w+ (years?|months?) old|^temps de lecture\b|\b\d+ ?min(ute)?s? (de lecture|read|reading|lues?)\b|^lecture\s*:?\s*\d+ ?min|^reading time\b|\(\d+ ?min(ute)?s?\)\s*$|^(listen|ecouter|speed read)\s*$|^skip to (main )?(content|navigation|search)|\braccourcis d'accessibilite\b|\b(copie|copies|copiee)s? dans le presse-papiers?\b|\bcopied to (the |your )?clipboard\b|\b(increase|decrease|descrease|reduce|enlarge|augmenter|diminuer|reduire) (the |la )?(article |text |font )?(font |text )?(size|taille)\b|\btaille (du texte|de la police)\b|\baccessibility (shortcuts|links|options|settings)\b|^aller au contenu\b|^passer au contenu\b|^(listen|ecouter) (to )?(this )?(article|l'article)\b|^(commentaires?|comments?)\s*(\(\d+\))?\s*$|^\d+\s*(commentaires?|comments?)\s*$|^placeholder\s*$|\b(turn on|enable|activer|activez) (desktop |push |browser )?(notifications|les notifications)\b|^(menu|search|rechercher|recherche|accueil|home|login|se connecter|connexion|log in|sign in)\s*$|^voir les commentaires\b|^(reagir|react)\s*$|\brotate (your )?(device|phone|screen)\b|\bfor an optimal experience\b|\bbest viewed (in|on|with)\b|^signaler (une erreur|un abus|un probleme|ce contenu)\b|^report (an error|a typo|a correction|a problem|this article)\b"
);
pattern!(
    byline,
    r"^(by|par|de|written by|reported by|texte par|text by|texte|text|article redige par|propos recueillis par|avec|auteurs?|authors?)\s*:?\s+\S"
);
// A picture's alt text as a list of what it shows: "water, trees, mountain, sky".
pattern!(alt_keywords, r"^\p{Ll}[\p{L}'-]*(?: [\p{L}'-]+){0,2}(?:, [\p{L}'-]+(?: [\p{L}'-]+){0,2})+$");
pattern!(image_file_caption, r"(?i)^\[[^\]\s]{1,60}\.(png|jpe?g|gif|webp|svg|avif)\]\s*\S");
// "zone post image for post 21183746": a picture named by its id.
pattern!(image_id, r"\b(image|img|photo|thumbnail|picture)s?\b.*\b\d{5,}$");
pattern!(
    byline_label,
    r"^(author|auteur|written by|ecrit par)s?( of (the|this) (article|story)| de l'article)?\s*:\s*$"
);
pattern!(byline_dash, r"^[-–—]\s*\p{L}[\p{L}.' -]{2,40}$");
// "(Additional reporting by …; Writing by …; Editing by …)"
pattern!(
    credit_line,
    r"^\(?(additional )?(reporting|writing|editing|edited|compiled|text|texte|redaction|reportage) (by|par)\b|^\((reporting|writing|editing) by\b|^(this|the) (post|article|story|piece) (was )?(originally |first )?(appeared|published|ran)\b|^(cet|l') ?article a (d'abord |initialement |ete initialement )?(ete )?publie\b|^[^.]{0,100}\bcontributed( reporting)? to this (report|story|article)\.?$|^[^.]{0,100}\bont contribue a (cet article|ce reportage)\.?$"
);
pattern!(
    dateline_text,
    r"^\(([A-ZÀ-Ý][\p{L} .'-]{1,40})\)\s*[-–—]?\s*|^([A-ZÀ-Ý][\p{L}.'-]+(?:[ -][A-ZÀ-Ý][\p{L}.'-]+){0,3})\s*(?:,\s*([^()\n]{3,30}?))?\s*\(([\p{L} .-]{2,30})\)\s*[-–—:]\s*|^([A-ZÀ-Ý][A-ZÀ-Ý.'-]+(?:[ -][A-ZÀ-Ý][A-ZÀ-Ý.'-]+){0,3})\s*(?:,\s*([^—–\n]{3,40}?))?\s*[—–-]\s+"
);

/// What kind of site chrome a paragraph is, if any.
pub fn chrome_kind(para: &str, outlet_chrome: &[String]) -> Option<&'static str> {
    let f = fold(para);
    // (html2text marks headings with "#" and bold with "**".)
    let f =
        f.trim().trim_start_matches(['•', '·', '▪', '►', '*', '-', ' ', '□', '◦', '○', '■', '‣']).trim_end_matches('*');
    let heading = f.trim_start_matches('#');
    let f = if heading.len() < f.len() && heading.starts_with(' ') { heading.trim_start() } else { f };
    // A link's label for screen readers says nothing of what the line is:
    // "Click to share on Twitter (Opens in new window)".
    let f = without_link_label(f);
    let words = word_count(f);
    if outlet_chrome.iter().any(|c| c == f) {
        return Some("outlet-chrome");
    }
    if avatar_name(para).is_some() {
        return Some("byline");
    }
    // "━━━━━━", "* * *": a rule drawn across the page.
    let trimmed = para.trim();
    let rule = |c: char| "━─═—–-_*·•.~=▄▀█■□ \u{200b}".contains(c);
    if trimmed.chars().count() >= 3 && trimmed.chars().all(rule) {
        return Some("separator");
    }
    if is_image_line(para) || alt_keywords().is_match(para.trim()) || words <= 12 && image_id().is_match(f) {
        return Some("image");
    }
    // "[grey-placeholder.png] Getty Images Heads of state…": a picture's
    // file name and its caption on one line.
    if words <= 80 && image_file_caption().is_match(para.trim()) {
        return Some("image-caption");
    }
    if words <= 25 && (f.contains("[ ]") || f.contains("[*]")) || lynx_field().is_match(f) {
        return Some("form");
    }
    // Lynx shows a button as "(BUTTON) Label".
    if words <= 20 && f.starts_with("(button)") {
        return Some("widget");
    }
    // "4:11 Russia 'spoofing' drones…": a video's length and title.
    if words <= 25 && video_teaser().is_match(para.trim()) {
        return Some("widget");
    }
    // "Ryan DevereauxRyan Devereaux": an author's name twice, the avatar's
    // and the link's.
    let t = para.trim();
    if t.len() % 2 == 0
        && t.is_char_boundary(t.len() / 2)
        && t[..t.len() / 2] == t[t.len() / 2..]
        && is_name_line(&t[..t.len() / 2])
    {
        return Some("byline");
    }
    if is_doubled(t) {
        return Some("image-caption");
    }
    if words <= 5 && gallery_counter().is_match(f.trim()) {
        return Some("widget");
    }
    // "28,25,140Cases", "779 56Deaths": a counter of a data widget.
    let digits = t.chars().filter(char::is_ascii_digit).count();
    if (1..=4).contains(&words)
        && digits >= 3
        && digits > t.chars().filter(|c| c.is_alphabetic()).count()
        && !is_date_line(t)
    {
        return Some("widget");
    }
    if words <= 15 && has_icon_name(para) {
        return Some("widget");
    }
    if words <= 60 && comments().is_match(f) || words <= 20 && comment_prompt().is_match(f) {
        return Some("comments");
    }
    if words <= 50 && disclaimer().is_match(f) {
        return Some("disclaimer");
    }
    if words <= 100 && subscribe().is_match(f) {
        return Some("subscribe");
    }
    if words >= 1 && f.split_whitespace().all(|w| w.starts_with('#') && w.len() > 1)
        || words <= 40 && topics().is_match(f)
    {
        return Some("tags");
    }
    if words <= 20 && sponsor().is_match(f) {
        return Some("advertisement");
    }
    if words <= 10 && player().is_match(f) || words <= 60 && browser_notice().is_match(f) {
        return Some("widget");
    }
    if consent_strong().is_match(f) || consent_weak().find_iter(f).count() >= 2 {
        return Some("consent-banner");
    }
    // ("[logo] PUBLICITÉ": the label beside the advertiser's picture.)
    let unbracketed = f.rsplit(']').next().unwrap_or(f).trim();
    if words <= 4 && (advertisement().is_match(f) || f.starts_with('[') && advertisement().is_match(unbracketed))
        || words <= 16 && (f.starts_with("this ad") || f.starts_with("don't want")) && advertisement().is_match(f)
        || words <= 30 && advertising_desk().is_match(f)
    {
        return Some("advertisement");
    }
    if words <= 60 && interface_prefix().is_match(para.trim()) {
        return Some("widget");
    }
    // "Publié le:2015-07-30 | Source: … | Augmenter la taille du texte":
    // header fields joined by bars; the first one says what the line is.
    if let Some((head, _)) = para.split_once(" | ") {
        if words <= 30 && para.matches(" | ").count() >= 2 {
            let head = fold(head);
            if word_count(&head) <= 8 && (timestamp().is_match(head.trim()) || source_footer().is_match(head.trim())) {
                return Some("timestamp");
            }
        }
    }
    if words <= 16 && follow().is_match(f) {
        return Some("follow-us");
    }
    if words <= 6 && share().is_match(f) {
        return Some("share-widget");
    }
    if words <= 30 && related().is_match(f) {
        return Some("related-link");
    }
    if words <= 8 && source_footer().is_match(f) {
        return Some("source-footer");
    }
    if words <= 40 && copyright().is_match(f) && !f.contains(" a declare") {
        return Some("copyright");
    }
    if words <= 60 && (f.contains('©') || caption().is_match(f) || photo_by().is_match(f))
        || words <= 150 && agency_caption().is_match(f)
        || words <= 100 && photo_credit().is_match(para.trim())
    {
        return Some("image-caption");
    }
    if words <= 20 && timestamp().is_match(f) {
        return Some("timestamp");
    }
    if words <= 60 && newsletter().is_match(f) && !ends_like_reporting(f) {
        return Some("newsletter");
    }
    if words <= 12 && notice().is_match(f) {
        return Some("notice");
    }
    if words <= 80 && is_interface_words(f) {
        return Some("share-widget");
    }
    if words <= 120 && credit_line().is_match(f) {
        return Some("credit");
    }
    if words <= 14 && is_breadcrumb(para) || words <= 25 && home_trail().is_match(f) {
        return Some("breadcrumb");
    }
    if words <= 4 && contact().is_match(f) {
        return Some("byline");
    }
    // "Author of the article:", the label over a byline.
    if words <= 5 && byline_label().is_match(f) {
        return Some("byline");
    }
    None
}

/// What a text dump shows for a picture: "[IMG]", "[svg]", a bracketed
/// name or hash, a button ("[Valider]"), an image's file name or the hash
/// a CMS names it by, or alt text such as "Article thumbnail image".
fn is_image_line(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let t = line.trim().trim_start_matches(['•', '□', '*', ' ']);
    let bracketed = re(&R, r"^(?i:image|photo|picture|video|img)?\s*(\[[^\[\]\s]{0,80}\]\s*)+$");
    if bracketed.is_match(t) {
        return true;
    }
    let lower = t.to_lowercase();
    let file = !t.contains(' ')
        && [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif"].iter().any(|e| lower.ends_with(e));
    let hash = !t.contains(' ')
        && t.chars().count() >= 16
        && t.chars().filter(char::is_ascii_digit).count() >= 8
        && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if file || hash {
        return true;
    }
    const ALT: &[&str] = &[
        "article",
        "author",
        "thumbnail",
        "image",
        "images",
        "avatar",
        "photo",
        "photos",
        "picture",
        "featured",
        "hero",
        "profile",
        "placeholder",
        "icon",
        "logo",
        "img",
        "svg",
        "xml",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "webp",
        "default",
        "user",
        "lead",
        "main",
        "cover",
        "post",
        "the",
    ];
    const CORE: &[&str] = &[
        "thumbnail",
        "image",
        "avatar",
        "photo",
        "picture",
        "img",
        "icon",
        "logo",
        "svg",
        "png",
        "jpg",
        "jpeg",
        "gif",
    ];
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    (1..=5).contains(&words.len())
        && !t.ends_with('.')
        && words.iter().all(|w| ALT.contains(w))
        && words.iter().any(|w| CORE.contains(w))
}

/// A caption a dump shows twice, as the picture's alt text and under it:
/// "Paris - 2 février 2019 Paris - 2 février 2019".
fn is_doubled(t: &str) -> bool {
    let len = t.len();
    if len < 20 {
        return false;
    }
    // With a space between the copies, or glued ("…via APRep. Zooey…").
    let half = len / 2;
    let spaced = len % 2 == 1
        && t.is_char_boundary(half)
        && t.is_char_boundary(half + 1)
        && &t[half..half + 1] == " "
        && t[..half] == t[half + 1..];
    let glued = len % 2 == 0 && t.is_char_boundary(half) && t[..half] == t[half..];
    (spaced || glued) && word_count(&t[..half]) >= 3
}

/// A line made only of the words of share bars and buttons: "Facebook
/// Twitter LinkedIn Share via Email", "cancel email link share Save".
fn is_interface_words(f: &str) -> bool {
    const CORE: &[&str] = &[
        "share",
        "shares",
        "email",
        "mail",
        "link",
        "copy",
        "bookmark",
        "save",
        "saved",
        "cancel",
        "close",
        "print",
        "tweet",
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "telegram",
        "viber",
        "pinterest",
        "reddit",
        "messenger",
        "flipboard",
        "sms",
        "partager",
        "imprimer",
        "envoyer",
        "favori",
        "favoris",
        "recommander",
        "alerter",
        "log",
        "sign",
        "login",
        "logout",
        "commenter",
        "copier",
        "lien",
        "fermer",
        "annuler",
        "gift",
        "send",
        "bluesky",
        "mastodon",
        "threads",
        "embed",
        "restart",
        "click",
        "expand",
        "caption",
        "gallery",
        "galleries",
        "playlist",
        "listen",
        "ecouter",
        "ajouter",
    ];
    const ALSO: &[&str] = &[
        "via", "e", "this", "it", "article", "story", "page", "on", "sur", "par", "the", "le", "x", "to", "in", "out",
        "up", "item", "leave", "a", "comment", "someone", "see", "more", "sharing", "options", "opens", "new",
        "window", "tab", "your", "friend", "un", "ami", "cet", "ce", "back", "photo", "la", "add", "show",
    ];
    if f.ends_with('.') {
        return false;
    }
    // "FacebookTwitterMail": a bar's names run together.
    fn glued(w: &str) -> bool {
        w.len() >= 8
            && (1..w.len()).any(|k| {
                w.is_char_boundary(k) && CORE.contains(&&w[..k]) && (CORE.contains(&&w[k..]) || glued(&w[k..]))
            })
    }
    let words: Vec<&str> = f.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let core = |w: &&&str| CORE.contains(*w) || glued(w);
    // (A player's duration beside its buttons: "12'16 Écouter".)
    let number = |w: &&&str| w.bytes().all(|b| b.is_ascii_digit());
    !words.is_empty()
        && words.iter().all(|w| core(&w) || ALSO.contains(w) || number(&w))
        && words.iter().filter(|w| core(w)).count() >= if words.len() <= 3 { 1 } else { 2 }
}

/// An icon font's ligature left as text: "arrow_upward", "account_circle".
fn has_icon_name(line: &str) -> bool {
    // An icon font's glyph, from Unicode's private use area.
    if line.chars().any(|c| ('\u{e000}'..='\u{f8ff}').contains(&c)) {
        return true;
    }
    line.split_whitespace().any(|w| {
        // "@some_user" is a handle.
        if w.starts_with(['@', '#']) || w.contains('@') {
            return false;
        }
        let w = w.trim_start_matches(|c: char| !c.is_ascii_lowercase());
        let tail = w.rsplit(|c: char| c.is_uppercase()).next().unwrap_or(w);
        tail.contains('_')
            && !tail.starts_with('_')
            && !tail.ends_with('_')
            && tail.chars().all(|c| c.is_ascii_lowercase() || c == '_')
    })
}

/// The name in a portrait's alt text, "Photo of Paige McCartney Paige
/// McCartney …" giving "Paige McCartney".
fn avatar_name(line: &str) -> Option<String> {
    if word_count(line) > 16 || line.trim_end().ends_with('.') {
        return None;
    }
    let c = avatar().captures(line.trim())?;
    let words: Vec<&str> = c[1].split_whitespace().collect();
    // The name, then the name again as a link.
    let k = (2..=words.len() / 2).find(|&k| words[k] == words[0]).unwrap_or(words.len().min(3));
    (k >= 2).then(|| words[..k].join(" "))
}

/// An article sentence that mentions a newsletter ("…, the newsletter
/// reported.") is not a prompt to subscribe to one.
fn ends_like_reporting(f: &str) -> bool {
    f.contains(" said") || f.contains(" a declare") || f.contains(" selon ") || f.contains(" according to")
}

/// "Accueil > Monde > Europe", "Home / News / World": short segments joined
/// by arrows or slashes.
fn is_breadcrumb(line: &str) -> bool {
    let seps = line.matches(['>', '›', '»', '/', '|']).count();
    let segments: Vec<&str> = line.split(['>', '›', '»', '/', '|']).map(str::trim).filter(|s| !s.is_empty()).collect();
    seps >= 2
        && segments.len() >= 3
        && !line.contains("://")
        && segments.iter().all(|s| word_count(s) <= 4 && s.chars().next().is_some_and(char::is_uppercase))
}

/// A byline's names, if the line is one: "By Staff Reporter, Harbour
/// Gazette" gives "Staff Reporter, Harbour Gazette" cut at a date or a
/// timestamp it runs into; "Article rédigé par franceinfo" gives
/// "franceinfo".
pub fn byline_names(line: &str) -> Option<String> {
    // "• Par Elba": an item of the header's list of facts.
    let line = line.trim().trim_start_matches(['•', '□', '◦', '▪', '·']).trim_start();
    if let Some(name) = avatar_name(line) {
        return Some(name);
    }
    let f = fold(line);
    let words = word_count(&f);
    if words > 14 || line.ends_with(['.', '!', '?']) && words > 6 || byline_label().is_match(f.trim()) {
        return None;
    }
    let start = if let Some(m) = byline().find(&f) {
        // The folded text keeps ASCII offsets for the prefix's letters; map
        // by characters to be safe with accents.
        let skip = f[..m.end() - 1].chars().count();
        line.char_indices().nth(skip).map_or(line.len(), |(i, _)| i)
    } else if byline_dash().is_match(line.trim()) {
        line.find(|c: char| c.is_alphabetic()).unwrap_or(0)
    } else {
        return role_byline(line);
    };
    let names = &line[start..];
    // "Par Jean Dupont Publié le 4 juin" / "By X | Updated …": the names end
    // where the timestamp starts.
    let folded = fold(names);
    let cut = [" publie", " mis a jour", " updated", " published", " le ", " | ", " - ", " – ", " — ", " on "]
        .iter()
        .filter_map(|w| folded.find(w))
        .min()
        .unwrap_or(folded.len());
    let cut = names.char_indices().nth(folded[..cut].chars().count()).map_or(names.len(), |(i, _)| i);
    let names = names[..cut].trim();
    // "By Anna Voss March 13, 2024": the names end where a date starts.
    let folded = fold(names);
    let names = match find_dates(&folded).first().filter(|d| d.start > 0) {
        Some(d) => names.char_indices().nth(folded[..d.start].chars().count()).map_or(names, |(i, _)| &names[..i]),
        None => names,
    };
    let names = names.trim().trim_matches([',', ':', ';', '-', '–', '—', ' ']);
    let first = names.chars().next()?;
    // "de la Russie…", "par ailleurs": a sentence, not a byline.
    let lower = fold(names);
    if ["ailleurs", "contre", "exemple", "consequent", "la suite", "rapport"].iter().any(|w| lower.starts_with(w)) {
        return None;
    }
    // "Texte de votre message", "par la police": words, not names.
    let first_word = lower.split_whitespace().next().unwrap_or("");
    if first.is_lowercase()
        && [
            "de", "du", "des", "d", "la", "le", "les", "l", "votre", "vos", "notre", "nos", "your", "our", "the",
            "this", "a", "an",
        ]
        .contains(&first_word.split('\'').next().unwrap_or(""))
        && !lower.starts_with("la redaction")
    {
        return None;
    }
    (!names.is_empty() && (first.is_uppercase() || lower.starts_with("la redaction") || words <= 4))
        .then(|| names.to_owned())
}

/// "Jane Doe International Editor", "Jean Dupont, correspondant à Rome": a
/// byline that gives a name and a newsroom role instead of "By".
fn role_byline(line: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"^(\p{Lu}[\p{L}'.-]+(?: \p{Lu}[\p{L}'.-]+){1,2}?),?\s+(?:[\p{L}'-]+\s+){0,2}?(?i:editor|correspondent|reporter|journalist|writer|producer|presenter|columnist|redacteur|redactrice|rédacteur|rédactrice|journaliste|correspondant|correspondante|envoyé spécial|envoyée spéciale|chroniqueur|chroniqueuse)(?:\s+(?:à|a|in|en|au|aux)\s+\p{Lu}[\p{L}'-]+)?$",
    );
    if let Some(c) = r.captures(line.trim()) {
        return Some(c[1].to_owned());
    }
    // "Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Jeanne Martin | 12 mars 2024".
    static DATED: OnceLock<Regex> = OnceLock::new();
    let dated = re(&DATED, r"^(\p{Lu}[\p{L}'.-]+(?: \p{Lu}[\p{L}'.-]+){1,3})\s+[-–—|·•]\s+(.+)$");
    let c = dated.captures(line.trim())?;
    (is_date_line(&c[2]) && find_dates(&fold(&c[2])).first().is_some_and(|d| d.start <= 4)).then(|| c[1].to_owned())
}

/// A line that only gives a date (and maybe a time, a place, a wire):
/// "March 13, 2024", "14/12/2015 à 10:30", "Update: 2015-12-14 05:19 GMT",
/// "December 14, 2015 01:42 am | Updated …".
fn is_date_line(line: &str) -> bool {
    // "MOSCOU, 4 juin (AFP) - La Russie a démenti…" opens a paragraph.
    let sentence = |rest: &str| rest.split_whitespace().filter(|w| w.starts_with(char::is_lowercase)).count() >= 2;
    if dateline_text().find(line).is_some_and(|m| sentence(&line[m.end()..])) {
        return false;
    }
    let f = fold(line);
    let words = word_count(&f);
    let dates = find_dates(&f);
    // ("2/3 des mobinautes ne téléchargent plus…": a fraction opening a
    // sentence, no day and month.)
    if dates.first().is_some_and(|d| d.full.is_none() && d.start == 0) && sentence(line) && !timestamp().is_match(&f) {
        return false;
    }
    words <= 16
        && dates.first().is_some_and(|d| d.start <= 12 || timestamp().is_match(&f) || timestamp_inside().is_match(&f))
        || words <= 8 && dates.iter().any(|d| d.full.is_some())
        // "Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST"
        || words <= 24 && dates.len() >= 2 && dates[0].start <= 12 && timestamp_inside().is_match(&f)
}

/// Does a paragraph read like a crosshead: short, no closing punctuation?
fn is_heading_like(para: &str) -> bool {
    word_count(para) <= 12 && !para.ends_with(['.', '!', '?', ':', ';', ',', '…', '»', '"', '”'])
}

/// A sentence cut short ("Tariq Farooq, works and communicatio"): four
/// words or more, most after the first in lower case, among them a comma
/// or a function word, as menus and link lists never have.
fn is_cut_sentence(para: &str) -> bool {
    let words: Vec<&str> = para.split_whitespace().collect();
    let lower = words.iter().skip(1).filter(|w| w.starts_with(char::is_lowercase)).count();
    let function = ["and", "the", "of", "to", "in", "et", "le", "la", "les", "de", "des", "du", "a", "en"];
    words.len() >= 4
        && lower * 2 >= words.len() - 1
        && (para.contains(',') || words.iter().any(|w| function.contains(&fold(w).as_str())))
        && !para.ends_with(['.', '!', '?', ':'])
}

/// An item of a list as a dump marks it ("• Accueil", "□ Politique").
fn is_list_item(para: &str) -> bool {
    let t = para.trim_start();
    t.starts_with(['•', '□', '◦', '○', '▪', '■', '‣', '·']) || t.starts_with("* ") || t.starts_with("+ ") || t == "*"
}

/// Whether a line can be a headline at all: not a sentence cut by a comma or
/// ended by a full stop, not an item of a list, an address, a trail of
/// sections ("Site | Section"), a bracketed label, nor mostly figures
/// ("21.dez.2018 às 12h55", "1 / 5").
fn could_be_headline(t: &str) -> bool {
    let t = t.trim();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    !(t.ends_with([',', ';', '|']) || t.ends_with('.') && !t.ends_with("..."))
        && !t.starts_with('[')
        && !t.contains('@')
        && (!t.contains(" | ") || kicker_headline(t))
        && !t.contains(" · ")
        && !glued_image(t)
        && !t.chars().take(2).all(char::is_lowercase)
        && !numbered_item(t)
        && !is_list_item(t)
        && digits * 2 < t.chars().filter(|c| c.is_alphanumeric()).count()
}

/// "BUDGET 3.0 | Sars gets R4bn to hire army of debt collectors": a kicker
/// in capitals, a bar, and the headline.
fn kicker_headline(t: &str) -> bool {
    match t.split_once(" | ") {
        Some((kicker, rest)) => {
            !rest.contains(" | ")
                && (1..=4).contains(&word_count(kicker))
                && !kicker.chars().any(char::is_lowercase)
                && kicker.chars().any(char::is_uppercase)
                && word_count(rest) >= 4
                && rest.chars().any(char::is_lowercase)
        }
        None => false,
    }
}

/// A picture's bracketed name glued to a word, as w3m shows an icon beside
/// a link: "Le droit en débats[le-droit-e]".
fn glued_image(t: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"\w\[[^\]\s]+\]").is_match(t)
}

/// The text of a line html2text marks as a top heading: "# Title", "* #
/// Title" (a heading inside a list item).
fn h1_text(line: &str) -> Option<&str> {
    heading_text(line, "# ")
}

fn h2_text(line: &str) -> Option<&str> {
    heading_text(line, "## ")
}

/// The text of a heading a dump marks with `marks` ("# ", "## "), maybe
/// as a list item.
fn heading_text<'a>(line: &'a str, marks: &str) -> Option<&'a str> {
    let t = line.trim();
    let t = t.strip_prefix("* ").or_else(|| t.strip_prefix("• ")).unwrap_or(t).trim_start();
    t.strip_prefix(marks).map(str::trim).filter(|h| !h.is_empty())
}

/// A person's name, maybe with initials: "Richard (R.J.) Eskow".
fn name_like(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.trim_matches(['(', ')', ',']);
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || ".'-".contains(c))
        })
}

/// A line of a headline's length that is still no headline: a masthead
/// with its date ("Yahoo News Australia28 October 2020"), a byline with
/// its time ("Aashish Saxena / TIMESOFINDIA.COM / Sep 2, 2024, 17:07
/// IST"), a list of names ("A. Modiba, Claire Benit-Gbaffou and Tanya
/// Zack"), or the site speaking of itself ("Sorry, but your browser needs
/// Javascript", "Activer l'option d'impression du navigateur", "Social
/// Links for Victor Nava", "Mobile version").
fn not_a_headline(t: &str) -> bool {
    static GLUED: OnceLock<Regex> = OnceLock::new();
    static TIME: OnceLock<Regex> = OnceLock::new();
    static UI: OnceLock<Regex> = OnceLock::new();
    let t = t.trim();
    let words = word_count(t);
    let f = fold(t);
    let unglued = re(&GLUED, r"([a-z])(\d)").replace_all(&f, "$1 $2");
    let dated =
        find_dates(&unglued).iter().any(|d| d.full.is_some()) || re(&TIME, r"\b\d{1,2}[:h]\d{2}\b").is_match(&f);
    let names = {
        let parts: Vec<&str> = t
            .split([',', '/', '&'])
            .flat_map(|p| p.split(" and ").flat_map(|q| q.split(" et ")))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        parts.len() >= 2 && parts.iter().all(|p| name_like(p) || is_name_line(p))
    };
    // "LatestMoviesCoronavirusLifestyle": a menu's entries run together.
    let glued_menu = {
        let c: Vec<char> = t.chars().collect();
        c.windows(2).filter(|p| p[0].is_lowercase() && p[1].is_uppercase()).count() >= 2
    };
    // "Le Soleil (Dakar)": a source's name and town; "Views: 184": a counter.
    static SOURCE: OnceLock<Regex> = OnceLock::new();
    let source_line =
        re(&SOURCE, r"^\p{Lu}[\p{L}' -]{1,40} \(\p{Lu}[\p{L}-]+\)$|^[\p{L} ]{2,20}:\s*[\d.,\s]+$").is_match(t);
    static AD: OnceLock<Regex> = OnceLock::new();
    let ad = re(&AD, r"^(?:advertising|advertisement|publicite|iframe)\b").is_match(&f);
    let ui = glued_menu || source_line || ad || re(
        &UI,
        r"\b(?:javascript|browser|navigateur|notify|notifications?|social links|mobile version|version mobile|print options?|cookies?|main menu|menu principal|skip to)\b",
    )
    .is_match(&f);
    words <= 12 && dated || names || ui
}

/// An item of a numbered list: "1. Linda Poon", "3) Read more".
fn numbered_item(t: &str) -> bool {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits) && t[digits..].starts_with(['.', ')']) && t[digits + 1..].starts_with(' ')
}

/// A line a dump opens with a numbered link: "[141]Police in…", "* [3]Home".
fn link_led(text: &str) -> bool {
    let t = text.trim_start().trim_start_matches(['*', '•', '+', ' ']);
    t.strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Which lines of a dump sit inside an item of a bulleted list: the lines
/// under a bullet indented further than it, up to a line that is not. (The
/// bullet's own line may be an article's list item, "• The deck was
/// replaced."; a list of comments or teasers puts its text under it.)
fn in_list_items(texts: &[String], layout: &[Layout]) -> Vec<bool> {
    let mut open: Vec<usize> = Vec::new();
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let Some(l) = layout.get(i) else { return false };
            while open.last().is_some_and(|&bullet| bullet >= l.indent) {
                open.pop();
            }
            let inside = !open.is_empty();
            if is_list_item(t) {
                open.push(l.indent);
            }
            inside
        })
        .collect()
}

/// A line of running text that ends a sentence: "Profitez bien.", "The
/// production opened in December and will run until February 1."
fn is_sentence(para: &str) -> bool {
    let t = para.trim();
    t.ends_with(['.', '!', '?', '»', '"', '”', '…', ')'])
        && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "«\"“‘'(–—-".contains(c))
        && !is_list_item(t)
        && !t.ends_with("...")
}

/// A headline without the paywall badge a page glues to it ("… Abonnés").
fn without_badge(title: &str) -> String {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(&R, r"\s+(?:Abonnés|Accès libre|Premium|Réservé aux abonnés|Subscribers? only|Subscriber exclusive)$");
    let cut = r.replace(title.trim(), "");
    if cut.trim().is_empty() {
        title.to_owned()
    } else {
        cut.into_owned()
    }
}

/// Is this paragraph a widget fragment ("OK", "Raconter l'actualité")?
fn is_fragment(para: &str) -> bool {
    word_count(para) <= 3 && para.chars().count() <= 30 && !para.ends_with(['.', '!', '?'])
}

/// A line of running text: long, or a sentence.
fn is_body(para: &str) -> bool {
    let words = word_count(para);
    // Headlines can end with a full stop ("… Alert Tues."); few run to twelve words.
    // (Not after a title's abbreviation: "… Attacks on Trans Rep. Zooey Zephyr".)
    let abbreviation = |before: &str| {
        const TITLES: &[&str] = &[
            "Rep", "Reps", "Sen", "Sens", "Gov", "Dr", "Mr", "Mrs", "Ms", "St", "Ste", "Gen", "Lt", "Col", "Sgt",
            "Capt", "Cpt", "Prof", "Pr", "Rev", "Hon", "Jr", "Sr", "Mt", "No", "Mme", "Mlle", "Me", "Mgr", "Dept",
        ];
        TITLES.contains(&before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or(""))
    };
    let two_sentences = para.trim_end().find(". ").is_some_and(|at| {
        para[at + 2..].starts_with(char::is_uppercase) && word_count(&para[..at]) >= 8 && !abbreviation(&para[..at])
    });
    words >= 25
        || words >= 12 && para.ends_with(['.', '!', '»', '"', '”', '…', ')'])
        || words >= 21 && para.ends_with('?')
        || words >= 12 && two_sentences
}

/// A short capitalised line that names a place, such as "Chennai" or
/// "WASHINGTON:" on a line of its own in the header.
fn is_place_line(para: &str) -> bool {
    let t = para.trim().trim_end_matches([':', ',', '-', '—', '–']).trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-.'".contains(c))
        })
}

/// A person's name on a line of its own: two to four capitalised words.
fn is_name_line(para: &str) -> bool {
    let words: Vec<&str> = para.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
                && w.chars().all(|c| c.is_alphabetic() || "-.'".contains(c))
        })
}

/// A line without the label a link carries for screen readers at its end
/// ("About Reuters , opens new tab", "Tweet (Opens in new window)"), in
/// any case, folded or not.
pub fn without_link_label(line: &str) -> &str {
    const LABELS: &[&str] = &[
        ", opens new tab",
        "(opens in new tab)",
        "(opens in new window)",
        "(opens in a new window)",
        "(nouvelle fenetre)",
        "(nouvelle fenêtre)",
    ];
    let ends_with = |label: &str| {
        let at = line.len().checked_sub(label.len())?;
        (line.is_char_boundary(at) && line[at..].eq_ignore_ascii_case(label)).then_some(at)
    };
    LABELS.iter().find_map(|l| ends_with(l)).map_or(line, |at| line[..at].trim_end_matches([' ', ',']))
}

/// Names and only names: "Kimberly Miller and Gareth McGrath", "Anne
/// Roy, Paul Gay et Léa Noël".
fn is_names_line(para: &str) -> bool {
    let parts: Vec<&str> =
        para.split([',', '&']).flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" et ")).collect();
    parts.len() <= 4 && parts.iter().all(|p| is_name_line(p.trim()))
}

/// What a URL line at the top of a scrape gives: "URL: https://…".
fn url_line(line: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let c = re(&R, r"^(?i:(?:url|source|link|lien|adresse)\s*:\s*)?(https?://[^\s<>]+)$").captures(line.trim())?;
    Some(c[1].to_owned())
}

/// Cleans scraped plain text. `outlet_chrome` lists folded lines that the
/// identified outlet's site is known to add, and lines that recur across
/// its seeds.
pub fn clean(raw: &str, outlet_chrome: &[String]) -> Article {
    let (paras, layout): (Vec<String>, Vec<Layout>) = laid_out(raw).into_iter().unzip();
    let mut article = Article::default();
    let blocks: Vec<Block> = paras.into_iter().map(Block::Paragraph).collect();
    clean_blocks(&mut article, blocks, &layout, outlet_chrome, true);
    article
}

/// The shared cleaner: classifies `blocks` (scraped lines, or the blocks of
/// an extracted web page), keeps the article's, sets aside the chrome, and
/// fills in the metadata the header and footer state. `find_title` says
/// whether the headline is to be found among the blocks (a web page's comes
/// from its metadata).
///
/// The article is the stretch of running text (paragraphs long enough and
/// made of ordinary words, as jusText judges them); its header runs from the
/// headline, the last short line above the first paragraph, to the body,
/// and holds the standfirst, byline, dateline and timestamps. Short lines
/// before the headline or after the last paragraph are the site's menus.
pub fn clean_blocks(
    article: &mut Article,
    blocks: Vec<Block>,
    layout: &[Layout],
    outlet_chrome: &[String],
    find_title: bool,
) {
    let n = blocks.len();
    let texts: Vec<String> = blocks.iter().map(|b| b.text().to_owned()).collect();
    // A web page's headings and list items, as its markup marks them: the
    // article's own structure, which a text dump would have bulleted.
    let structural: Vec<bool> = blocks.iter().map(Block::is_structure).collect();
    let mut kind: Vec<Option<&'static str>> = texts.iter().map(|p| chrome_kind(p, outlet_chrome)).collect();
    for i in 0..n.min(3) {
        if kind[i].is_none() && article.url.is_none() {
            if let Some(url) = url_line(&texts[i]) {
                article.url = Some(url);
                kind[i] = Some("url");
            }
        }
    }
    // Scraped text repeats its lede as a teaser; a web page's extracted
    // blocks are left as the extractor chose them.
    let scraped = blocks.iter().all(|b| matches!(b, Block::Paragraph(_)));
    let mut boxed = vec![false; n];
    if scraped {
        mark_repeats(&texts, &mut kind);
        mark_labels(&texts, &mut kind);
        mark_menu_lines(&texts, &mut kind);
        boxed = link_boxes(&texts, layout, &mut kind);
        // The bulleted list under an appeal to subscribe or register is its
        // list of offers ("• Unlimited online access", "• Support local
        // journalism.").
        // (Or under the one line an appeal opens with: "Enjoy the latest
        // local news." under "THIS CONTENT IS RESERVED FOR SUBSCRIBERS".)
        let mut above = None;
        for i in 0..n {
            if !is_list_item(&texts[i]) {
                above = Some(i);
            } else if kind[i].is_none() {
                let appeal = |j: usize| matches!(kind[j], Some("subscribe" | "newsletter"));
                if let Some(j) = above {
                    if appeal(j) {
                        kind[i] = Some("subscribe");
                    } else if kind[j].is_none() && j > 0 && appeal(j - 1) && !is_body(&texts[j]) {
                        kind[i] = Some("subscribe");
                        kind[j] = Some("subscribe");
                    }
                }
            }
        }
    }
    // A picture alone in a block with one line of text under it: the text
    // is its caption (a dump puts a figure's image and caption together).
    let block_of = |i: usize| layout.get(i).map(|l| l.block);
    for i in 0..n.saturating_sub(1) {
        let alone = (i == 0 || block_of(i - 1) != block_of(i)) && (i + 2 >= n || block_of(i + 2) != block_of(i));
        if kind[i] == Some("image")
            && block_of(i).is_some()
            && block_of(i + 1) == block_of(i)
            && alone
            && kind[i + 1].is_none()
            && word_count(&texts[i + 1]) <= 60
        {
            kind[i + 1] = Some("image-caption");
        }
    }
    // A picture's alt text under the headline it repeats and over its
    // caption, which repeats it too and adds a credit: "« Just Coup It » :
    // le survêtement…" / "Le survêtement…" / "Le survêtement… Tous droits
    // réservés…". (The headline itself may be the alt text, on top.)
    for i in 1..n.saturating_sub(1) {
        let (own, next) = (texts[i].trim(), texts[i + 1].trim());
        if kind[i].is_none()
            && fold(&texts[i - 1]).contains(&fold(own))
            && texts[i - 1].len() > own.len()
            && matches!(kind[i + 1], Some("image-caption" | "copyright" | "image"))
            && word_count(own) >= 4
            && next.len() > own.len()
            && next.starts_with(own)
        {
            kind[i] = Some("image-caption");
        }
    }
    // A picture's alt text over its caption, which repeats it and adds a
    // credit: "Crowds wait near the palace" / "Crowds wait near the palace
    // (Picture: PA)".
    for i in 0..n.saturating_sub(1) {
        let (own, next) = (fold(texts[i].trim()), fold(texts[i + 1].trim()));
        if kind[i].is_none()
            && kind[i + 1] == Some("image-caption")
            && word_count(&own) >= 3
            && next.len() > own.len()
            && next.starts_with(&own)
            && [" (", " -", " —", " –", " |", ". "].iter().any(|sep| next[own.len()..].starts_with(sep))
        {
            kind[i] = Some("image");
        }
    }
    // The same line twice over a credit: a picture's alt text and caption.
    // (Or over nothing: no article says a sentence twice in a row, a page
    // gives a picture's alt text and its caption.)
    for i in 0..n.saturating_sub(1) {
        if matches!(kind[i], None | Some("repeat"))
            && texts[i] == texts[i + 1]
            && word_count(&texts[i]) >= 4
            && kind[i + 1].is_none()
        {
            kind[i] = Some("image-caption");
            kind[i + 1] = Some("image-caption");
        }
    }
    let metadata = |t: &str| url_line(t).is_some() || byline_names(t).is_some() || is_date_line(t);
    let good: Vec<bool> = (0..n)
        .map(|i| kind[i].is_none() && is_body(&texts[i]) && !metadata(&texts[i]) && is_prose(&texts[i]))
        .collect();
    // A dump indents the text of a list's items under their bullet: a list
    // of comments, or of teasers, is no article, however long its items.
    // A bullet's own line counts when it is running text beside more (a
    // list of sentences), not alone (a teaser's headline); nor does a line
    // that opens with a link, as lynx numbers them ("[141]Police in…").
    let listed = in_list_items(&texts, layout);
    let beside = |i: usize| i > 0 && good[i - 1] || i + 1 < n && good[i + 1];
    let mut seeds: Vec<bool> = (0..n)
        .map(|i| good[i] && !listed[i] && (!is_list_item(&texts[i]) || beside(i)) && !link_led(&texts[i]))
        .collect();
    if !seeds.contains(&true) {
        seeds.clone_from(&good);
    }
    // Pictures, captions, share buttons, advertisements and table rows sit
    // inside articles: they do not interrupt the run.
    let mut inline: Vec<bool> = (0..n)
        .map(|i| {
            matches!(
                kind[i],
                Some(
                    "image"
                        | "image-caption"
                        | "share-widget"
                        | "advertisement"
                        | "widget"
                        | "label"
                        | "subscribe"
                        | "newsletter"
                        | "form"
                )
            ) || boxed[i]
                || layout.get(i).is_some_and(|l| l.table)
        })
        .collect();
    // A list the article introduces with a sentence ending in a colon,
    // right after a paragraph ("The measures are:" and its items, each of a
    // few words or more) is the article's, not a menu: it does not break
    // the run.
    for i in 1..n {
        let t = texts[i].trim();
        let after_text = (i.saturating_sub(2)..i).any(|j| good[j]);
        if kind[i].is_some() || !t.ends_with(':') || word_count(t) < 3 || !after_text || is_list_item(t) {
            continue;
        }
        if !t.starts_with(|c: char| c.is_uppercase() || c == '«' || c == '"' || c == '“') {
            continue;
        }
        let items: Vec<usize> = (i + 1..n)
            .filter(|&j| !(kind[j].is_some() && inline[j]))
            .take_while(|&j| kind[j].is_none() && is_list_item(&texts[j]))
            .collect();
        let long_enough = items.iter().all(|&j| word_count(&texts[j]) >= 4);
        if !items.is_empty() && items.len() <= 30 && long_enough {
            inline[i] = true;
            for j in i + 1..=items[items.len() - 1] {
                inline[j] = true;
            }
        }
    }
    // A full rights notice after three paragraphs or more ends the article:
    // no run after it is the article.
    let rights_at = (0..n).find(|&i| {
        kind[i] == Some("copyright")
            && rights_reserved().is_match(&fold(&texts[i]))
            && seeds[..i].iter().filter(|g| **g).count() >= 3
    });
    if let Some(r) = rights_at {
        seeds[r..].iter_mut().for_each(|g| *g = false);
    }
    // So does the heading of a comment section ("27 commentaires", "Écrire
    // un commentaire", "Leave a reply"): readers' posts, however long, are
    // not the article.
    let comments_at = (0..n).find(|&i| {
        let f = fold(&texts[i]);
        let f = f.trim().trim_start_matches(['#', '*', '•', ' ']).trim_end_matches(['*', ' ']);
        // ("21 commentaires sur « Pourquoi les applications… »": the count
        // and the title of the post they are on.)
        (word_count(f) <= 6 && comments_heading().is_match(f) || word_count(f) <= 30 && comments_on().is_match(f))
            && seeds[..i].iter().filter(|g| **g).count() >= 3
            && (0..i).filter(|&j| seeds[j]).map(|j| word_count(&texts[j])).sum::<usize>() >= 150
    });
    if let Some(c) = comments_at {
        seeds[c..].iter_mut().for_each(|g| *g = false);
        if kind[c].is_none() {
            kind[c] = Some("comments");
        }
    }
    let dated: Vec<bool> = (0..n)
        .map(|i| kind[i] == Some("timestamp") || kind[i].is_none() && !good[i] && is_date_line(&texts[i]))
        .collect();
    // The article is the largest run of paragraphs no long stretch of short
    // lines interrupts; other runs are teasers and site text.
    let (mut first_good, mut last_good) = main_run(&seeds, &inline, &dated, &texts, &structural, !scraped);
    // List items at either end of the run, apart from its paragraphs, are a
    // list of links beside the article.
    if let (Some(f), Some(l)) = (first_good, last_good) {
        let prose: Vec<usize> = (f..=l).filter(|&i| seeds[i] && !is_list_item(&texts[i])).collect();
        let apart = |a: usize, b: usize| (a + 1..b).filter(|&j| !inline[j]).count() >= 2;
        if let (Some(&p0), Some(&p1)) = (prose.first(), prose.last()) {
            if let Some(last_item) = (f..p0).rev().find(|&i| seeds[i]) {
                if apart(last_item, p0) {
                    first_good = Some(p0);
                }
            }
            if let Some(first_item) = (p1 + 1..=l).find(|&i| seeds[i]) {
                if apart(p1, first_item) {
                    last_good = Some(p1);
                }
            }
        }
    }
    // A byline next to a timestamp inside the run is an article's header:
    // what precedes it is teasers, when more text follows it.
    if let (Some(f), Some(l)) = (first_good, last_good) {
        let words = |r: std::ops::Range<usize>| r.filter(|&i| seeds[i]).map(|i| word_count(&texts[i])).sum::<usize>();
        // (Or under a line of a headline's length, with most of the text
        // after it: the promotion the page opens with is no article.)
        let under_headline = |i: usize| {
            (0..i).rev().find(|&j| !inline[j]).is_some_and(|j| {
                kind[j].is_none()
                    && !seeds[j]
                    && (4..=30).contains(&word_count(&texts[j]))
                    && could_be_headline(&texts[j])
                    && !not_a_headline(&texts[j])
            })
        };
        let header = (f + 1..l).rev().find(|&i| {
            let named = byline_names(&texts[i]).is_some();
            (named || is_names_line(&texts[i]))
                && (named
                    && (i.saturating_sub(2)..(i + 3).min(n))
                        .any(|j| j != i && kind[j].is_none() && is_date_line(&texts[j]))
                    && words(i..l + 1) > words(f..i)
                    || under_headline(i) && words(i..l + 1) > 3 * words(f..i))
        });
        if let Some(h) = header {
            first_good = (h..=l).find(|&i| seeds[i]);
        }
    }
    // A byline after three paragraphs or more opens the author's box ("Photo
    // of Jane Doe", "Jane Doe joined the paper in 2010…"), when less text
    // follows it than precedes it.
    if let (Some(f), Some(l)) = (first_good, last_good) {
        let words = |r: std::ops::Range<usize>| r.filter(|&i| seeds[i]).map(|i| word_count(&texts[i])).sum::<usize>();
        let bio = (f + 1..l).find(|&i| {
            (kind[i] == Some("byline") || kind[i].is_none() && !seeds[i] && byline_names(&texts[i]).is_some())
                && seeds[f..i].iter().filter(|g| **g).count() >= 3
                && words(i..l + 1) < words(f..i)
        });
        if let Some(b) = bio {
            last_good = (f..b).rev().find(|&i| seeds[i]);
        }
    }
    // A full rights notice after the article's paragraphs ends it ("Copyright
    // 2018 The Associated Press. All rights reserved."): what follows is
    // the site's. So does the heading of comment rules or of a list of other
    // posts, and that of a box of links that only teasers follow: the
    // article goes on after a box of links when two of its paragraphs follow
    // each other after it; teasers stand one by one.
    let continues = |h: usize| {
        let after: Vec<usize> = (h + 1..n).filter(|&i| seeds[i] && last_good.is_some_and(|l| i <= l)).collect();
        after.windows(2).any(|w| (w[0] + 1..w[1]).all(|j| inline[j]))
    };
    if let Some(end) = (0..n).find(|&i| {
        let f = fold(texts[i].trim());
        let rights = kind[i] == Some("copyright") && rights_reserved().is_match(&f);
        let heading = word_count(&f) <= 6 && after_article().is_match(&f);
        let links = word_count(&f) <= 8 && links_box().is_match(&f) && !continues(i);
        (rights || heading || links)
            && good[..i].iter().filter(|g| **g).count() >= 3
            && first_good.is_some_and(|f| i > f)
    }) {
        if kind[end].is_none() {
            kind[end] = Some("related-link");
        }
        last_good =
            last_good.map(|l| (0..end.min(l + 1)).rev().find(|&i| seeds[i]).unwrap_or(l.min(end.saturating_sub(1))));
    }
    // The headline: the line the page's address spells ("…/nearly-300-
    // reuters-journalists-strike-…"), else a short line above the first
    // paragraph: the nearest, unless one a little further up is the line
    // the page repeats (a breadcrumb's last step, a picture's alt text), the
    // one the byline and the date stand under, or a headline's length where
    // the nearer is a name or a button's two words.
    // A line of a headline's length that opens the run with the timestamp
    // or the byline under it, and more text after: the headline, which an
    // ellipsis or its length made look like a paragraph.
    let mut opening = None;
    if let (true, Some(f), Some(l)) = (find_title, first_good, last_good) {
        let t = texts[f].trim();
        let next = (f + 1..=l).find(|&j| !inline[j] || kind[j] == Some("timestamp"));
        let stamped = next.is_some_and(|j| {
            matches!(kind[j], Some("timestamp" | "byline"))
                || kind[j].is_none() && (is_date_line(&texts[j]) || byline_names(&texts[j]).is_some())
        });
        if word_count(t) <= 30
            && !t.ends_with(['.', '!', '?', ':', ';', ','])
            && could_be_headline(t)
            && !not_a_headline(t)
            && stamped
            && (f + 1..=l).any(|j| seeds[j])
        {
            opening = Some(f);
            first_good = (f + 1..=l).find(|&j| seeds[j]);
        }
    }
    // The page's own top heading, as html2text marks it ("# Title"): the
    // last before the article's first paragraph.
    let marked = first_good.filter(|_| find_title && opening.is_none()).and_then(|f| {
        (f.saturating_sub(60)..=f)
            .rev()
            .find(|&i| {
                kind[i].is_none() && h1_text(&texts[i]).is_some_and(|h| word_count(h) >= 2 && !not_a_headline(h))
            })
            // ("# The Tribune" over the menu, "## Two More Gunned Down"
            // over the article: the site's name, then the headline.)
            .map(|h| {
                (h + 1..f)
                    .rev()
                    .take(12)
                    .find(|&i| {
                        kind[i].is_none()
                            && h2_text(&texts[i])
                                .is_some_and(|t| word_count(t) >= 3 && could_be_headline(t) && !not_a_headline(t))
                    })
                    .filter(|_| f - h > 20)
                    .unwrap_or(h)
            })
    });
    let spelled = article
        .url
        .as_deref()
        .filter(|_| find_title)
        .and_then(|url| (0..n).find(|&i| kind[i].is_none() && !good[i] && url_spells(url, &texts[i])));
    // Not a headline: a name next to the timestamp, or what
    // `could_be_headline` rules out.
    // (A button may stand between them: "Paul Gay", "Follow", "Dec 9,
    // 2019 · 6 min read".)
    let named_by_date = |i: usize| {
        is_name_line(&texts[i])
            && ((i + 1..n.min(i + 3)).any(|j| is_date_line(&texts[j])) || i > 0 && is_date_line(&texts[i - 1]))
    };
    // ("Anna Voss Paul Gay Léa Noël" over "By Anna Voss,
    // Paul Gay and Léa Noël, Harbour Gazette": the writers' pictures.)
    let names_over_byline = |i: usize| {
        let names = (i + 1 < n).then(|| byline_names(&texts[i + 1])).flatten().map(|b| fold(&b));
        names.is_some_and(|b| {
            let own: Vec<&str> = b.split(|c: char| !c.is_alphanumeric()).collect();
            fold(&texts[i]).split_whitespace().all(|w| own.contains(&w))
        })
    };
    let candidate = |i: usize| {
        let t = texts[i].trim();
        kind[i].is_none()
            && !metadata(t)
            && !is_body(t)
            && could_be_headline(t)
            && !is_place_line(t)
            && word_count(t) >= 2
            && !named_by_date(i)
            && !not_a_headline(t)
            && !names_over_byline(i)
    };
    // Under the byline that follows a headline: the writer's biography, the
    // standfirst ("By", "Anna Voss", "Harbour reporter covering …").
    let byline_at = |j: usize| {
        matches!(fold(texts[j].trim()).as_str(), "by" | "par") || byline_names(&texts[j]).is_some() || named_by_date(j)
    };
    let under_byline = |i: usize| {
        (i.saturating_sub(4)..i)
            .find(|&b| byline_at(b))
            .is_some_and(|b| (b.saturating_sub(4)..b).any(|h| candidate(h) && word_count(&texts[h]) >= 4))
    };
    let key =
        |t: &str| fold(t).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    // (A short headline, when two lines or more end with it: "4. Prendre
    // la parole", "Réécouter Prendre la parole".)
    let repeated = |i: usize, first: usize| {
        let own = key(&texts[i]);
        let window = i.saturating_sub(15)..first.min(i + 16);
        let tail = format!(" {own}");
        word_count(&own) >= 4
            && window.clone().any(|j| {
                let other = key(&texts[j]);
                j != i && (other == own || other.ends_with(&tail) && texts[j].contains('|'))
            })
            || word_count(&own) >= 2 && window.filter(|&j| j != i && key(&texts[j]).ends_with(&tail)).count() >= 2
            // (A headline of six words or more as an item of a list anywhere
            // else on the page: the most read, the latest.)
            || word_count(&own) >= 6 && (0..n).any(|j| j != i && is_list_item(&texts[j]) && key(&texts[j]) == own)
    };
    let over_byline = |i: usize, first: usize| {
        // (A byline: teasers too have a date under their headlines. Within
        // four lines, pictures and captions not counted, and no other
        // candidate between: a menu over the headline is not over it.)
        let mut lines = 0;
        (i + 1..first)
            .take_while(|&j| {
                lines += usize::from(kind[j].is_none() || kind[j] == Some("byline"));
                lines <= 4
            })
            .find(|&j| kind[j] == Some("byline") || byline_names(&texts[j]).is_some() || named_by_date(j))
            .is_some_and(|b| {
                !(i + 1..b).any(|j| (candidate(j) || kind[j] == Some("repeat")) && word_count(&texts[j]) >= 4)
            })
    };
    // (Or its copy above is: the headline over its byline, shown again over
    // the gallery that opens the article.)
    let over_byline = |i: usize, first: usize| {
        over_byline(i, first)
            || (0..i).any(|j| kind[j] == Some("repeat") && texts[j].trim() == texts[i].trim() && over_byline(j, first))
    };
    // (The line right above the timestamp, pictures and buttons aside:
    // the headline's place, though a teaser's too.)
    let over_date = |i: usize| (i + 1..n).find(|&j| !inline[j] || dated[j]).is_some_and(|j| dated[j]);
    // A headline over its byline and timestamp, the one such block above
    // the article, however far above it (a carousel of videos between).
    let headed = first_good.filter(|_| find_title).and_then(|first| {
        let mut blocks = (0..first.saturating_sub(40)).filter(|&i| {
            candidate(i)
                && word_count(&texts[i]) >= 4
                && over_byline(i, first)
                && (i + 1..first.min(i + 7)).any(|j| kind[j] == Some("timestamp") || is_date_line(&texts[j]))
        });
        let one = blocks.next();
        one.filter(|_| blocks.next().is_none())
    });
    // The page's title as a dump may open with it ("Indiana governor
    // endorses … - Washington Times"): the line that gives it without the
    // site's name is the headline.
    let page_title = texts.first().filter(|_| find_title && n > 1).and_then(|top| {
        let head = [" - ", " | ", " – ", " — "].iter().filter_map(|sep| top.rsplit_once(sep)).map(|(h, _)| h).next()?;
        let head = key(head);
        (word_count(&head) >= 4)
            .then(|| (1..n).find(|&j| kind[j].is_none() && candidate(j) && key(&texts[j]) == head))
            .flatten()
    });
    let debug = std::env::var_os("PARALLAX_DEBUG_CLEAN").is_some();
    let title_at = match (find_title, first_good) {
        _ if spelled.is_some() => spelled,
        _ if page_title.is_some() => page_title,
        _ if opening.is_some() => opening,
        _ if marked.is_some() => marked,
        _ if headed.is_some() => headed,
        (true, Some(first)) => (first.saturating_sub(40)..first)
            .rev()
            .filter(|&i| candidate(i))
            .enumerate()
            .max_by_key(|&(rank, i)| {
                let near = [2, 1].get(rank).copied().unwrap_or(0);
                let long = (4..=30).contains(&word_count(&texts[i])) && !name_like(&texts[i]);
                if debug {
                    eprintln!(
                        "cand {i} rank {rank} under {} rep {} byl {} date {} long {long}",
                        under_byline(i),
                        repeated(i, first),
                        over_byline(i, first),
                        over_date(i)
                    );
                }
                (
                    usize::from(!under_byline(i)),
                    3 * usize::from(repeated(i, first))
                        + 3 * usize::from(over_byline(i, first))
                        + 2 * usize::from(over_date(i))
                        + 2 * usize::from(long)
                        + near,
                    usize::MAX - rank,
                )
            })
            .map(|(_, t)| t)
            .map(|t| {
                // A long line under a shorter one is the standfirst under its
                // headline (pictures and captions may sit between them).
                let words = word_count(&texts[t]);
                let above = (0..t).rev().take(4).find(|&j| kind[j].is_none());
                // A teaser's deck under the headline: "FOOTBALL Le club
                // breton recherche un technicien étranger...".
                let teaser = texts[t].trim_end().ends_with("...") || texts[t].trim_end().ends_with('…');
                if let Some(j) = above.filter(|&j| teaser && candidate(j) && word_count(&texts[j]) >= 4) {
                    return j;
                }
                // So is a longer line of a headline's length right under
                // another: the deck under the headline.
                let sentence_case = |j: usize| {
                    texts[j].split_whitespace().skip(1).any(|w| w.starts_with(char::is_lowercase))
                        && !name_like(&texts[j])
                };
                match above {
                    // (A headline and its deck over the byline, whatever
                    // their lengths: the first is the headline.)
                    Some(j)
                        if j + 1 == t
                            && over_byline(t, first)
                            && candidate(j)
                            && word_count(&texts[j]) >= 6
                            && sentence_case(j)
                            && !repeated(t, first) =>
                    {
                        j
                    }
                    Some(j) if words >= 15 && candidate(j) && (3..words.min(21)).contains(&word_count(&texts[j])) => j,
                    // (Of about the same length too: a standfirst runs at
                    // least as long as its headline.)
                    Some(j)
                        if candidate(j)
                            && ((4..=words.saturating_sub(3)).contains(&word_count(&texts[j]))
                                || words >= 10 && (8..=words).contains(&word_count(&texts[j])))
                            && sentence_case(j)
                            && !repeated(t, first) =>
                    {
                        j
                    }
                    _ => t,
                }
            }),
        _ => None,
    };
    if debug {
        eprintln!("run {first_good:?}..{last_good:?}");
        for i in 0..n {
            eprintln!(
                "{i:3} {:?} good={} title={} {}",
                kind[i],
                good[i],
                Some(i) == title_at,
                texts[i].chars().take(70).collect::<String>()
            );
        }
    }
    // A paragraph right under the headline is its standfirst; the body
    // starts at the next one.
    let body_start = match (title_at, first_good) {
        (Some(t), Some(f)) if f == t + 1 => good.iter().skip(f + 1).position(|g| *g).map_or(f, |p| f + 1 + p),
        (_, Some(f)) => f,
        _ => 0,
    };
    let mut named: Option<String> = None;
    for i in 0..n {
        let outside = first_good.is_some_and(|f| i < f) || last_good.is_some_and(|l| i > l);
        if kind[i].is_none() && good[i] && outside && !find_title_is_lede(title_at, first_good, i, &kind, &inline) {
            kind[i] = Some("outside-article");
        }
        if kind[i].is_some() || good[i] {
            continue;
        }
        let text = &texts[i];
        let header = i < body_start || (i < body_start + 3 && first_good.is_some_and(|f| i > f));
        let footer = last_good.is_some_and(|l| i > l) || i + 3 >= n;
        if Some(i) == title_at {
            continue;
        }
        if (header || footer) && byline_names(text).is_some() {
            kind[i] = Some("byline");
        } else if (header || footer || title_at.is_some_and(|t| i > t && i <= t + 10)) && is_date_line(text) {
            // (Or close under the headline, past a caption the run began
            // with: "Dec. 13, 2016, 12:31 PM UTC / Updated …".)
            kind[i] = Some("timestamp");
        } else if header
            && is_name_line(text)
            && (i + 1 < n && is_date_line(&texts[i + 1])
                || i > 0 && is_date_line(&texts[i - 1])
                || (i + 1..n.min(i + 4)).find(|&j| texts[j] != *text).is_some_and(|j| is_date_line(&texts[j])))
        {
            // "Anna Voss" on its own line, over or under the timestamp:
            // the author, unless a byline names one.
            kind[i] = Some("byline");
            if named.is_none() {
                named = Some(text.trim().to_owned());
            }
        } else if header && title_at.is_some_and(|t| t + 1 == i) && is_names_line(text) {
            // "Kimberly Miller and Gareth McGrath" right under the headline:
            // its writers.
            kind[i] = Some("byline");
            if named.is_none() {
                named = Some(text.trim().to_owned());
            }
        } else if header && i > 0 && kind[i - 1] == Some("byline") && word_count(text) <= 3 {
            // "Article rédigé par franceinfo" / "Radio France".
            kind[i] = Some("byline");
        } else if header && i + 1 == body_start && is_place_line(text) && article.dateline.is_none() {
            kind[i] = Some("dateline");
            let place = text.trim().trim_end_matches([':', ',', '-', '—', '–']).trim();
            article.dateline = Some(title_case(place));
        } else if title_at.is_some_and(|t| {
            (Some(t) == headed || Some(t) == page_title) && i > t + 1 && first_good.is_some_and(|f| i < f && f > t + 12)
        }) {
            // Between a headline far above the text and the text: a
            // carousel of other stories, a poll.
            kind[i] = Some("related-link");
        } else if title_at.is_some_and(|t| i < t) {
            // Menus, section names and kickers above the headline.
            kind[i] = Some("navigation");
        } else if !find_title && first_good.is_some_and(|f| i < f) && is_heading_like(text) && word_count(text) <= 6 {
            // A web page's headline comes from its metadata: a short line
            // over the first paragraph is a kicker (no crosshead opens an
            // article).
            kind[i] = Some("navigation");
        } else if title_at.is_some_and(|t| i > t)
            && first_good.is_some_and(|f| i < f)
            && (is_list_item(text) || is_fragment(text) && !text.ends_with([',', ':', ';', '…']))
        {
            // Between the headline and the text: buttons, counters, tags.
            kind[i] = Some("widget");
        } else if last_good.is_some_and(|l| i == l + 1) && i + 1 == n && is_cut_sentence(text) {
            // The text stops mid-sentence: the last paragraph, cut short.
        } else if last_good.is_some_and(|l| i > l)
            && word_count(text) <= 10
            && !text.ends_with(['.', '!', '?', '»', '"', '”'])
        {
            kind[i] = Some("navigation");
        }
    }
    // A list of one item amid the article's paragraphs is a link to
    // another page ("• The latest news about the outbreak (paywall-free)").
    if let (Some(f), Some(l)) = (first_good, last_good) {
        for i in f + 1..l {
            if kind[i].is_none() && !good[i] && is_list_item(&texts[i]) && word_count(&texts[i]) <= 25 {
                let before = (f..i).rev().find(|&j| !inline[j]);
                let after = (i + 1..=l).find(|&j| !inline[j]);
                if before.is_some_and(|j| good[j]) && after.is_some_and(|j| good[j]) {
                    kind[i] = Some("related-link");
                }
            }
        }
    }
    // Lists under a "Latest news" / "Lire aussi" heading: their short lines
    // are links, up to the next run of text.
    let mut in_list = false;
    for i in 0..n {
        match kind[i] {
            Some("related-link") if word_count(&texts[i]) <= 5 => in_list = true,
            Some(_) => {}
            None if in_list && !good[i] && word_count(&texts[i]) <= 25 && Some(i) != title_at => {
                kind[i] = Some("related-link")
            }
            None => in_list = false,
        }
    }
    // A newsletter or consent box's own heading ("L'essentiel du jour").
    for i in 0..n.saturating_sub(1) {
        if kind[i].is_none() && !good[i] && Some(i) != title_at && is_heading_like(&texts[i]) {
            if let Some(next @ ("newsletter" | "consent-banner" | "follow-us")) = kind[i + 1] {
                kind[i] = Some(next);
            }
        }
    }
    // A masthead fragment before the article ("TV" of "Press TV").
    if let Some(first) = kind.iter().position(Option::is_none) {
        if texts[first].chars().count() <= 3 && Some(first) != title_at {
            kind[first] = Some("masthead");
        }
    }
    // Fragments wedged between pieces of chrome are chrome too ("OK"), a
    // few in a row as well ("Favori", "Recommander", "Alerter").
    let mut i = 0;
    while i < n {
        let fragment = |j: usize| kind[j].is_none() && Some(j) != title_at && is_fragment(&texts[j]);
        if !fragment(i) {
            i += 1;
            continue;
        }
        let end = (i..n).find(|&j| !fragment(j)).unwrap_or(n);
        let is_chrome = |j: Option<usize>| j.is_none_or(|j: usize| kind.get(j).is_none_or(Option::is_some));
        if end - i <= 8 && is_chrome(i.checked_sub(1)) && is_chrome(Some(end)) {
            for k in &mut kind[i..end] {
                *k = Some("widget-fragment");
            }
        }
        i = end;
    }
    // After the article's last paragraph, only sentences that follow it
    // without a break (advertisements aside) still belong to it; from the
    // first line that does not, the rest is the site's.
    // A name on its own line where the text stops signs it. (An extractor
    // has already cut a web page's article from its page.)
    let mut signed = None;
    let paragraphs = first_good.zip(last_good).map_or(0, |(f, l)| seeds[f..=l].iter().filter(|s| **s).count());
    if let Some(last) = last_good.filter(|_| scraped && paragraphs >= 2) {
        let mut open = true;
        for i in last + 1..n {
            if Some(i) == title_at {
                continue;
            }
            match kind[i] {
                Some("advertisement") => continue,
                Some("navigation") | None if open && is_name_line(&texts[i]) => {
                    open = false;
                    signed = Some(i);
                    kind[i] = Some("byline");
                }
                Some(_) => open = false,
                None if open && (is_sentence(&texts[i]) || i + 1 == n && is_cut_sentence(&texts[i])) => {}
                None => {
                    open = false;
                    kind[i] = Some("after-article");
                }
            }
        }
    }

    // The learnt model's second opinion on scraped text, where it is
    // confident (a web page's blocks are what its extractor chose: the
    // model only learns from them).
    {
        let block_lines = |i: usize| layout.get(i).map_or(0, |l| layout.iter().filter(|m| m.block == l.block).count());
        let facts: Vec<crate::ingest::lines::Facts> = (0..n)
            .map(|i| crate::ingest::lines::Facts {
                text: &texts[i],
                kind: kind[i],
                good: good[i],
                list_item: is_list_item(&texts[i]),
                link_led: link_led(&texts[i]),
                listed: listed[i],
                date_line: is_date_line(&texts[i]),
                byline: byline_names(&texts[i]).is_some(),
                heading_like: is_heading_like(&texts[i]),
                fragment: is_fragment(&texts[i]),
                indent: layout.get(i).map_or(0, |l| l.indent),
                table: layout.get(i).is_some_and(|l| l.table),
                block_lines: block_lines(i),
                scraped,
            })
            .collect();
        let verdicts = crate::ingest::lines::second_opinion(&facts, first_good.zip(last_good), title_at);
        if std::env::var_os("PARALLAX_DEBUG_CLEAN").is_some() {
            eprintln!(
                "verdicts {:?}",
                verdicts.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).collect::<Vec<_>>()
            );
        }
        for (i, verdict) in verdicts.into_iter().enumerate() {
            match verdict {
                Some(true) => kind[i] = Some("site-text"),
                Some(false) => kind[i] = None,
                None => {}
            }
        }
    }

    let mut kept = Vec::new();
    // Where a metadata line sits: under the headline (0), just above it
    // (1), or right after the article, or labelled as a timestamp (2); a
    // line far above the headline (today's edition) or among the teasers
    // and comments further down states nothing about the article.
    let class = |i: usize, labelled: bool| match (title_at, last_good) {
        (Some(t), _) if i < t => (t - i <= 12).then_some(1),
        (_, Some(l)) if i > l => (i <= l + 10 || labelled).then_some(2),
        _ => Some(0),
    };
    // Short lines of the header that state a full date, whatever else
    // they hold ("December 16, 2016, 4:19 PM", "Jen MillsPublished Jul 17,
    // 2024", "By TPN, in News · 31 Jan 2025, 20:02 · 0 Comments"): from a
    // few lines over the headline to just past the first paragraph, for
    // when no timestamp was recognised. Not a caption's date, nor a link's.
    let header_dates: Vec<String> = match first_good {
        Some(f) => {
            let top = title_at.map_or(f, |t| t.min(f)).saturating_sub(3);
            (top..(f + 3).min(n))
                .filter(|&i| {
                    !good[i]
                        && word_count(&texts[i]) <= 30
                        && !matches!(kind[i], Some("image-caption" | "related-link" | "outside-article" | "repeat"))
                        && full_date(&texts[i]).is_some()
                })
                .map(|i| texts[i].clone())
                .collect()
        }
        None => Vec::new(),
    };
    // "Frain Incendie dans une maison : cinq personnes relogées", where the
    // breadcrumb reads "Incendie dans une maison : cinq personnes
    // relogées": the place's kicker glued to the headline.
    let unkicked = title_at.and_then(|t| {
        let title = texts[t].trim();
        let bare = |s: &str| s.trim().trim_start_matches(['*', '•', '-', '#', ' ']).trim().to_owned();
        (1..=3)
            .find_map(|k| {
                let rest = title.splitn(k + 1, ' ').nth(k)?.trim().to_owned();
                (word_count(&rest) >= 4 && texts.iter().enumerate().any(|(j, other)| j != t && bare(other) == rest))
                    .then_some(rest)
            })
            .or_else(|| {
                // "Accident de la routeForel-Lavaux (VD): un motocycliste …":
                // a kicker of a few words glued to the headline.
                let chars: Vec<(usize, char)> = title.char_indices().collect();
                // (Not "DirectX 11.1": the capital opens a word.)
                let glue = chars.windows(5).find(|w| {
                    w[..3].iter().all(|c| c.1.is_lowercase()) && w[3].1.is_uppercase() && w[4].1.is_lowercase()
                })?;
                let (head, rest) = title.split_at(glue[3].0);
                ((2..=5).contains(&word_count(head)) && word_count(rest) >= 4).then(|| rest.to_owned())
            })
            .or_else(|| {
                // "Rances (VD) Une personne entre la vie et la mort": a place
                // and its canton or state before the headline.
                static PLACE: OnceLock<Regex> = OnceLock::new();
                let m = re(&PLACE, r"^\p{Lu}[\p{L}'-]+(?: [\p{L}'-]+){0,2} \(\p{Lu}{2,3}\) \p{Lu}").find(title)?;
                let rest = &title[m.end() - 1..];
                (word_count(rest) >= 4).then(|| rest.to_owned())
            })
    });
    let mut tail_credits = 0;
    let mut dates: [Vec<String>; 3] = Default::default();
    let mut bylines: [Vec<String>; 3] = Default::default();
    for (i, ((block, text), kind)) in blocks.into_iter().zip(texts).zip(kind).enumerate() {
        if Some(i) == title_at {
            let text = h1_text(&text).or_else(|| h2_text(&text)).map_or(text.clone(), str::to_owned);
            let text = unkicked.clone().unwrap_or(text);
            let (title, byline) = glued_byline(&text);
            if let Some(byline) = byline {
                if article.author.is_none() {
                    article.author = byline_names(&byline).filter(|n| word_count(n) > 0);
                }
                article.credits.push(byline.clone());
                article.removed.push(Removed { kind: "byline".into(), text: byline });
            }
            article.title = Some(without_badge(&title));
            continue;
        }
        match kind {
            Some(kind) => {
                // The date under the headline, or just above it, or the
                // one the article's end states; not a date far above the
                // headline (today's edition) nor one in the teasers and
                // comments further down.
                if matches!(kind, "timestamp" | "source-footer" | "copyright" | "byline") {
                    let f = fold(&text);
                    let labelled = timestamp().is_match(f.trim().trim_start_matches(['•', '-', ' ']));
                    if let Some(class) = class(i, labelled) {
                        dates[class].push(text.clone());
                    }
                }
                if kind == "timestamp" && article.dateline.is_none() {
                    // "December 14, 2015 01:42 am | Updated … IST - WASHINGTON:"
                    static PLACE: OnceLock<Regex> = OnceLock::new();
                    let place = re(&PLACE, r"\s[-–—]\s*([A-ZÀ-Ý][A-ZÀ-Ý .'-]{2,30}?)\s*:?\s*$");
                    if let Some(c) = place.captures(&text) {
                        article.dateline = Some(title_case(c[1].trim()));
                    }
                }
                if kind == "byline" {
                    let names = if Some(i) == signed { Some(text.trim().to_owned()) } else { byline_names(&text) };
                    if let (Some(class), Some(names)) = (class(i, false), names.filter(|n| word_count(n) > 0)) {
                        bylines[class].push(names);
                    }
                }
                // "AFP" on its own line after the text credits it.
                let closing = kind == "after-article" && word_count(&text) <= 6 && tail_credits < 2;
                if closing {
                    tail_credits += 1;
                }
                if closing || matches!(kind, "byline" | "timestamp" | "source-footer" | "copyright" | "dateline") {
                    article.credits.push(text.clone());
                }
                article.removed.push(Removed { kind: kind.into(), text });
            }
            None => kept.push(block),
        }
    }
    for line in dates.iter().flatten() {
        read_date(article, line, false);
    }
    if article.date.is_none() {
        if let Some(line) = header_dates.first() {
            article.date_text = None;
            read_date(article, line, false);
        }
    }
    if article.author.is_none() {
        let [under, above, after] = bylines;
        article.author = under.into_iter().chain(named).chain(above).chain(after).next();
    }
    if find_title && article.title.is_none() {
        if let Some(first) = kept.first() {
            let text = first.text().to_owned();
            // (The headline with its timestamp glued on: the headline.)
            let text = match glued_timestamp(&text) {
                (head, Some(_)) if kept.len() > 1 && could_be_headline(&head) => head,
                _ => text,
            };
            // The only paragraph left is the article, never its title; nor
            // is an item of a menu.
            if kept.len() > 1 && word_count(&text) <= 30 && could_be_headline(&text) && !not_a_headline(&text) {
                article.title = Some(text);
                kept.remove(0);
            } else {
                // The lede: the first running text, not a stray short line.
                let lede = kept.iter().map(Block::text).find(|t| is_body(t)).unwrap_or(&text);
                article.title = Some(title_from_lede(lede));
            }
        }
    }
    // "… en raison du Magal Publié le mercredi 6 septembre 2023 | Agence de
    // Presse Sénégalaise": a timestamp glued to the headline goes to the
    // date.
    if let Some((title, Some(stamp))) = article.title.as_deref().map(glued_timestamp) {
        if article.date.is_none() {
            read_date(article, &stamp, false);
        }
        article.removed.push(Removed { kind: "timestamp".into(), text: stamp });
        article.title = Some(title);
    }
    for (i, block) in kept.into_iter().enumerate() {
        // The dateline goes to the page's metadata and out of the text,
        // kept in `[[removed]]`.
        let block = match block {
            Block::Paragraph(para) if i == 0 => Block::Paragraph(take_dateline(article, &para)),
            Block::Markdown { markdown, plain } if i == 0 => {
                let rest = take_dateline(article, &plain);
                let cut = plain.len() - rest.len();
                match markdown.strip_prefix(&plain[..cut]) {
                    Some(md) if cut > 0 => Block::Markdown { markdown: md.to_owned(), plain: rest },
                    _ => Block::Markdown { markdown, plain },
                }
            }
            Block::Paragraph(para) if i > 0 && is_heading_like(&para) => Block::Heading(para),
            other => other,
        };
        if !block.text().is_empty() {
            article.blocks.push(block);
        }
    }
    drop_author_bio(article);
    if let Some(first) = article.blocks.first() {
        article.credits.push(first.text().chars().take(200).collect());
    }
    // "… les salaires\". (afp)": a credit closing a paragraph.
    static CLOSING: OnceLock<Regex> = OnceLock::new();
    let closing = re(&CLOSING, r#"[.!?»"”]\s*(\([\p{L}-]{2,14}\))\s*$"#);
    for block in &article.blocks {
        if let Some(c) = closing.captures(block.text()) {
            article.credits.push(c[1].to_owned());
        }
    }
    if let Some(last) = article.blocks.last() {
        let tail: String = last.text().chars().rev().take(120).collect::<Vec<_>>().into_iter().rev().collect();
        article.credits.push(tail);
    }
}

/// The author's box at the end of the text: "Madison Weil joined the news
/// team in June 2018. Learn more about Madison…", "Candice Sealey is the
/// founder of…", "Our Editorial Staff at … is a team…", with the name
/// standing alone above it. Only the last paragraphs, only after three of
/// the article's, and only a paragraph that opens with the byline's name
/// (or the staff's) and a verb of a biography.
fn drop_author_bio(article: &mut Article) {
    static BIO: OnceLock<Regex> = OnceLock::new();
    let bio = re(
        &BIO,
        r"^(?:(?:is|was) (?:an?|the|our)\b|joined\b|has (?:been|worked|covered|reported|written)\b|covers\b|reports (?:on|for)\b|writes (?:about|for|on)\b|est (?:un|une|le|la|notre) (?:journaliste|correspondante?|reporter|redact|redacteur|redactrice|fondat)|a rejoint\b)",
    );
    static STAFF: OnceLock<Regex> = OnceLock::new();
    let staff = re(&STAFF, r"^our (?:editorial )?(?:staff|team|newsroom) (?:at|of)\b.{0,60}\b(?:is|are) an?\b");
    let names: Vec<String> = article
        .author
        .iter()
        .flat_map(|a| a.split([',', ';', '&']).flat_map(|n| n.split(" and ")).flat_map(|n| n.split(" et ")))
        .map(|n| fold(n.trim()))
        .filter(|n| word_count(n) >= 2)
        .collect();
    let mut cut = article.blocks.len();
    for i in (0..article.blocks.len()).rev().take(3) {
        if i < 3 {
            break;
        }
        let f = fold(article.blocks[i].text().trim());
        let f = f.trim_start_matches(['#', ' ']);
        let by_name = names.iter().any(|n| {
            f == n.as_str()
                || f.strip_prefix(n.as_str()).is_some_and(|rest| bio.is_match(rest.trim_start_matches([',', ' '])))
        });
        if by_name || staff.is_match(f) {
            cut = i;
        } else if cut == article.blocks.len() {
            continue;
        } else {
            break;
        }
    }
    for block in article.blocks.drain(cut..) {
        article.removed.push(Removed { kind: "author-bio".into(), text: block.text().to_owned() });
    }
}

/// Whether the last segment of the page's address spells `line`: at least
/// four of its words, nearly all of them in the address, in order.
fn url_spells(url: &str, line: &str) -> bool {
    let segment = url.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let segment = segment.split(['?', '#']).next().unwrap_or("");
    let segment = segment.rsplit_once('.').filter(|(_, ext)| ext.len() <= 5).map_or(segment, |(s, _)| s);
    let address: Vec<String> = slug::slugify(segment).split('-').map(str::to_owned).collect();
    let words: Vec<String> = slug::slugify(line).split('-').filter(|w| !w.is_empty()).map(str::to_owned).collect();
    if words.len() < 4 || words.len() > 30 {
        return false;
    }
    // Words of the line found in the address, in order.
    let mut at = 0;
    let mut found = 0;
    for w in &words {
        if let Some(k) = address[at..].iter().position(|a| a == w) {
            at += k + 1;
            found += 1;
        }
    }
    found * 10 >= words.len() * 8 && found * 10 >= address.len() * 6
}

/// A paragraph repeated further down, whole or run on into the next, is a
/// teaser (a lede shown above the headline, a summary): the later copy
/// stays. A line repeats a later one when that one, without its last
/// (maybe cut) word and without a dateline, opens it and runs to eight
/// words or more, and more text follows. A shorter line that opens a later
/// one is a standfirst the lede restates, and stays.
fn mark_repeats(texts: &[String], kind: &mut [Option<&'static str>]) {
    let words = |t: &str| -> Vec<String> {
        let t = dateline_text().find(t).map_or(t, |m| &t[m.end()..]);
        fold(t).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
    };
    let all: Vec<Vec<String>> = texts.iter().map(|t| words(t)).collect();
    for i in 0..texts.len() {
        // (A headline is not a teaser of itself: the pages that list it
        // do not make it one.)
        if kind[i].is_some() || all[i].len() < 9 || is_heading_like(&texts[i]) {
            continue;
        }
        let repeated = (i + 1..texts.len()).any(|j| {
            let (a, b) = (&all[i], &all[j]);
            let short = a.len().min(b.len());
            // The later copy is the article's only when more text follows it;
            // a teaser's copy in a list of links does not make a headline one.
            let followed =
                texts[j + 1..].iter().any(|t| is_body(t)) && (is_list_item(&texts[i]) || !is_list_item(&texts[j]));
            kind[j].is_none() && followed && short >= 9 && a.len() >= b.len() && a[..short - 1] == b[..short - 1]
        });
        if repeated {
            kind[i] = Some("repeat");
        }
    }
}

/// Short lines that are not sentences and recur three times or more beside
/// the paragraphs of one seed: the labels a page repeats between its paragraphs ("Article
/// content", "Story continues below").
fn mark_labels(texts: &[String], kind: &mut [Option<&'static str>]) {
    let key = |t: &str| fold(t.trim());
    // (Counted where they sit beside running text: a headline or a section
    // name that a page repeats in its menus is no label.)
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, t) in texts.iter().enumerate() {
        let beside = i > 0 && is_body(&texts[i - 1]) || texts.get(i + 1).is_some_and(|t| is_body(t));
        if beside {
            *counts.entry(key(t)).or_default() += 1;
        }
    }
    let paragraphs = texts.iter().filter(|t| is_body(t)).count();
    for (i, t) in texts.iter().enumerate() {
        let label = (1..=5).contains(&word_count(t))
            && !is_sentence(t)
            && !t.trim_end().ends_with(['.', ':'])
            && !is_list_item(t)
            && !numbered_item(t)
            && !is_date_line(t);
        // (As often as a paragraph in eight at least: an article's own
        // crossheads may repeat too, "The favourites" in each section.)
        if kind[i].is_none() && label && counts.get(&key(t)).is_some_and(|c| *c >= 3 && *c * 8 >= paragraphs) {
            kind[i] = Some("label");
        }
    }
}

/// A line that strings together the entries of the page's menus
/// ("Politique France International Environnement Life Culture"): most of
/// its words open short lines elsewhere in the seed.
fn mark_menu_lines(texts: &[String], kind: &mut [Option<&'static str>]) {
    let first_word = |t: &str| {
        fold(t.trim_start_matches(['•', '□', '*', '-', ' ']))
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .map(str::to_owned)
    };
    let entries: std::collections::HashSet<String> =
        texts.iter().filter(|t| (1..=3).contains(&word_count(t))).filter_map(|t| first_word(t)).collect();
    for (i, t) in texts.iter().enumerate() {
        let words: Vec<String> = fold(t)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_owned)
            .collect();
        let hits = words.iter().filter(|w| entries.contains(*w)).count();
        if kind[i].is_none() && word_count(t) >= 5 && !is_sentence(t) && hits >= 4 && hits * 4 >= words.len() * 3 {
            kind[i] = Some("navigation");
        }
    }
}

/// A box of links set inside the article by a dump: a short heading of
/// related or trending stories ("Read More", "Trending") over the items of
/// a list, numbered or bulleted, with their indented lines. Its lines are
/// marked as links and returned, so that they do not interrupt the article
/// that goes on after the box.
fn link_boxes(texts: &[String], layout: &[Layout], kind: &mut [Option<&'static str>]) -> Vec<bool> {
    let n = texts.len();
    let mut boxed = vec![false; n];
    for i in 0..n {
        let f = fold(texts[i].trim());
        let heading = word_count(&f) <= 5
            && (kind[i] == Some("related-link") || links_box().is_match(&f) || after_article().is_match(&f));
        if !heading || boxed[i] {
            continue;
        }
        let mut items = 0;
        let mut end = i + 1;
        let base = layout.get(i).map_or(0, |l| l.indent);
        while end < n {
            let t = texts[end].trim();
            let indented = layout.get(end).is_some_and(|l| l.indent > base);
            // (A card: a picture, then its headline.)
            let card_headline = end > 0 && kind[end - 1] == Some("image") && kind[end].is_none() && !is_body(t);
            // (One line may introduce the items: "Here are more perspectives
            // on how to navigate this economy:".)
            let intro = end == i + 1 && word_count(t) <= 25;
            if numbered_item(t) || is_list_item(t) || card_headline {
                items += 1;
            } else if !(indented && items > 0 || intro || matches!(kind[end], Some("advertisement" | "image"))) {
                break;
            }
            end += 1;
        }
        if items >= 2 {
            boxed[i..end].iter_mut().for_each(|b| *b = true);
            for k in &mut kind[i..end] {
                if k.is_none() {
                    *k = Some("related-link");
                }
            }
        }
    }
    boxed
}

/// "Missile launch meetingBy Yonhap": a headline a scrape ran into its
/// byline, split into the two.
fn glued_timestamp(line: &str) -> (String, Option<String>) {
    static STAMP: OnceLock<Regex> = OnceLock::new();
    let stamp = re(&STAMP, r"\s(?:Publié le|Mis à jour le|Published(?: on)?|Updated(?: on)?)\s");
    if let Some(m) = stamp.find(line) {
        let (head, rest) = (line[..m.start()].trim_end(), line[m.start()..].trim());
        if word_count(head) >= 4 && find_dates(&fold(rest)).iter().any(|d| d.full.is_some()) {
            return (head.to_owned(), Some(rest.to_owned()));
        }
    }
    (line.to_owned(), None)
}

fn glued_byline(line: &str) -> (String, Option<String>) {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(&R, r"^(.{12,}?\p{Ll}[.?!]?)((?:By|Par) \p{Lu}[\p{L}.' -]{1,40})$");
    match r.captures(line) {
        Some(c) => (c[1].trim().to_owned(), Some(c[2].to_owned())),
        None => (line.to_owned(), None),
    }
}

/// The first and last paragraph of the largest run of paragraphs, where a
/// run ends at more than eight lines in a row that are not paragraphs
/// (sixteen in a web page's extracted content, whose headings and list
/// items, `structural`, weigh as a dump's bulleted lines do); `inline`
/// lines (pictures, captions, buttons) do not count; a run weighs its
/// words, a list item's half. A run whose paragraphs stand apart, a date
/// between most of them or opening them, is a list of teasers ("Le 9
/// juillet", "Malaysia / 20 m ago", "10/11 [Communiqué] …"), taken only
/// when there is nothing else.
fn main_run(
    good: &[bool],
    inline: &[bool],
    dated: &[bool],
    texts: &[String],
    structural: &[bool],
    extracted: bool,
) -> (Option<usize>, Option<usize>) {
    const GAP: usize = 8;
    #[derive(Clone, Copy)]
    struct Run {
        start: usize,
        end: usize,
        words: usize,
        gaps: usize,
        dated: usize,
        /// The run up to its first date: (end, words, paragraphs).
        undated: (usize, usize, usize),
    }
    // The lines between two paragraphs, a list's items (a box of links, a
    // video playlist set in the article) weighing a third of a line.
    let bare = |j: usize| is_list_item(&texts[j]) && word_count(&texts[j]) == 0;
    let listed = |j: usize| is_list_item(&texts[j]) || structural.get(j).copied().unwrap_or(false);
    // A web page's extracted content holds no site menu: a stretch of
    // short lines inside it (a section of headings and one-line answers)
    // is the article's own, and breaks it only when twice as long.
    let limit = if extracted { 2 * GAP } else { GAP };
    let gap = |r: std::ops::Range<usize>| -> usize {
        r.filter(|&j| !inline[j]).map(|j| if listed(j) || j > 0 && bare(j - 1) { 1 } else { 3 }).sum()
    };
    let plain = |r: std::ops::Range<usize>| r.filter(|&j| !inline[j]).count();
    // (Across a list, only to text that goes on: two paragraphs in a row,
    // not teasers one by one.)
    let two = |i: usize| (i + 1..good.len()).find(|&j| !inline[j]).is_some_and(|j| good[j]);
    // ("10/11 [Communiqué] En pleine COP26, …": a teaser that opens with
    // its day.)
    let stamped = |i: usize| {
        static R: OnceLock<Regex> = OnceLock::new();
        re(&R, r"^\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\s+\S").is_match(texts[i].trim_start())
    };
    let mut runs: Vec<Run> = Vec::new();
    for (i, g) in good.iter().enumerate() {
        if !g {
            continue;
        }
        // A list item weighs half a paragraph: lists of teasers are long.
        let words = if is_list_item(&texts[i]) { word_count(&texts[i]) / 2 } else { word_count(&texts[i]) };
        match runs.last_mut() {
            Some(run) if plain(run.end + 1..i) < limit || gap(run.end + 1..i) < 3 * limit && two(i) => {
                run.gaps += 1;
                if (run.end + 1..i).any(|j| dated[j]) || stamped(i) {
                    run.dated += 1;
                }
                if run.dated == 0 {
                    run.undated = (i, run.undated.1 + words, run.undated.2 + 1);
                }
                run.end = i;
                run.words += words;
            }
            _ => runs.push(Run { start: i, end: i, words, gaps: 0, dated: 0, undated: (i, words, 1) }),
        }
    }
    // A run of teasers: the article it may start with, if any, up to the
    // first date.
    let eligible: Vec<Run> = runs
        .iter()
        .filter_map(|r| {
            if r.dated >= 2 && r.dated * 2 >= r.gaps {
                (r.undated.2 >= 2).then_some(Run { end: r.undated.0, words: r.undated.1, ..*r })
            } else {
                Some(*r)
            }
        })
        .collect();
    let best = |pool: &[Run]| {
        pool.iter()
            .fold(None, |best: Option<Run>, r| if best.is_none_or(|b| r.words > b.words) { Some(*r) } else { best })
    };
    let chosen = best(&eligible).or_else(|| best(&runs));
    (chosen.map(|b| b.start), chosen.map(|b| b.end))
}

/// A paragraph before the run can still be the standfirst right under the
/// headline (pictures, captions and buttons may sit between them);
/// `title_at` is found from the run, so nothing else qualifies.
fn find_title_is_lede(
    title_at: Option<usize>,
    first_good: Option<usize>,
    i: usize,
    kind: &[Option<&str>],
    inline: &[bool],
) -> bool {
    title_at.is_some_and(|t| t < i && (t + 1..i).all(|j| inline[j] && kind[j].is_some()))
        && first_good.is_some_and(|f| i < f)
}

/// Running text rather than a list of links or names: enough of its words
/// are the function words of ordinary French or English sentences.
fn is_prose(text: &str) -> bool {
    const COMMON: &[&str] = &[
        "le", "la", "les", "de", "des", "du", "un", "une", "et", "a", "en", "dans", "pour", "que", "qui", "sur", "par",
        "est", "au", "aux", "il", "elle", "ont", "the", "of", "and", "to", "in", "that", "is", "was", "for", "on",
        "with", "by", "as", "at", "from", "has", "have", "said", "it", "are", "be",
    ];
    let f = fold(text);
    let words: Vec<&str> = f.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let common = words.iter().filter(|w| COMMON.contains(w)).count();
    words.len() < 12 || common * 100 >= words.len() * 12
}

/// "PORT HALVARD" reads "Port Halvard"; mixed case stays as written.
fn title_case(place: &str) -> String {
    if place.chars().any(char::is_lowercase) {
        return place.to_owned();
    }
    place
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or(String::new(), |c| c.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads the dateline that opens the first paragraph: "(Moscou) Le
/// Kremlin…", "PORT HALVARD, March 12, 2024 — The…", "MOSCOW (Reuters) -
/// …". The place becomes the dateline, a full date the page's date, and
/// the credit a candidate wire; the dateline leaves the text and is kept in
/// `[[removed]]`.
fn take_dateline(article: &mut Article, para: &str) -> String {
    let Some(c) = dateline_text().captures(para) else { return para.to_owned() };
    let whole = c.get(0).map_or("", |m| m.as_str());
    let place = c.get(1).or(c.get(2)).or(c.get(5)).map(|m| m.as_str().trim());
    let Some(place) = place else { return para.to_owned() };
    // An all-caps place before a dash needs a date or a credit to be a
    // dateline ("WASHINGTON — The…" is one; "NATO — the alliance" may not be).
    let rest = &para[whole.len()..];
    if rest.is_empty() || !rest.starts_with(|c: char| c.is_uppercase() || c == '«' || c == '"' || c == '“') {
        return para.to_owned();
    }
    if article.dateline.is_none() {
        article.dateline = Some(title_case(place));
    }
    if let Some(when) = c.get(3).or(c.get(6)) {
        read_date(article, when.as_str(), true);
    }
    article.credits.push(whole.to_owned());
    article.removed.push(Removed { kind: "dateline".into(), text: whole.trim().to_owned() });
    rest.to_owned()
}

/// Records the date a metadata line states: a full date as the page's date
/// (the first one, or a publication date over an update's), else the line
/// as `date_text`.
fn read_date(article: &mut Article, line: &str, dateline: bool) {
    let f = fold(line);
    let dates = find_dates(&f);
    let published = |d: &&FoundDate| {
        let before = &f[..d.start];
        !(before.contains("mis a jour") || before.contains("mise a jour") || before.contains("updated"))
    };
    let best = dates.iter().find(published).or(dates.first());
    match best.and_then(|d| d.full.clone()) {
        Some(full) => {
            if article.date.is_none()
                || (best.is_some_and(|d| published(&d)) && article.date_text.as_deref() == Some("updated"))
            {
                article.date = Some(full);
                article.date_text = None;
            }
        }
        None if article.date.is_none() && article.date_text.is_none() && !dates.is_empty() && !dateline => {
            article.date_text = Some(line.to_owned());
        }
        None => {}
    }
}

/// A title for an article that has none: its lede's first sentence, without
/// the dateline, shortened at a word boundary.
pub fn title_from_lede(lede: &str) -> String {
    const MAX: usize = 110;
    // A whole first clause reads better than a cut phrase, if not too long.
    const MAX_CLAUSE: usize = 150;
    let without_dateline = match dateline_text().find(lede) {
        Some(m) => &lede[m.end()..],
        None => lede,
    };
    let first =
        crate::text::sentences(without_dateline).first().map_or(without_dateline, |r| &without_dateline[r.clone()]);
    let first = first.trim_end_matches('.');
    if first.chars().count() <= MAX {
        return first.to_owned();
    }
    if let Some((clause, _)) = first.split_once(", ") {
        if (40..=MAX_CLAUSE).contains(&clause.chars().count()) {
            return clause.to_owned();
        }
    }
    let cut: String = first.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];
const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a (folded) name or abbreviation stands for, 1-based.
fn month(name: &str) -> Option<usize> {
    let name = name.trim_end_matches('.');
    if name.len() < 3 {
        return None;
    }
    let full = MONTHS_FR.iter().chain(&MONTHS_EN).position(|m| *m == name).map(|i| i % 12 + 1);
    full.or_else(|| {
        // "Dec.", "Sept", "janv.", "févr."
        let abbreviated = MONTHS_EN.iter().chain(&MONTHS_FR).position(|m| m.starts_with(name) && name.len() >= 3);
        abbreviated.map(|i| i % 12 + 1)
    })
}

/// A date found in a (folded) line.
#[derive(Debug)]
struct FoundDate {
    start: usize,
    /// YYYY-MM-DD when the date has a year.
    full: Option<String>,
}

fn find_dates(f: &str) -> Vec<FoundDate> {
    static ISO: OnceLock<Regex> = OnceLock::new();
    static NUMERIC: OnceLock<Regex> = OnceLock::new();
    static WORDS: OnceLock<Regex> = OnceLock::new();
    static EN: OnceLock<Regex> = OnceLock::new();
    static PARTIAL: OnceLock<Regex> = OnceLock::new();
    let ymd = |y: &str, m: usize, d: &str| -> Option<String> {
        let (y, d): (u32, u32) = (y.parse().ok()?, d.parse().ok()?);
        ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    let mut out = Vec::new();
    // "2024-09-05", "2024-09-05t23:56+0000" (folded), "2018/7/21 10:12:51".
    for c in re(&ISO, r"\b(\d{4})([-/])(\d{1,2})([-/])(\d{1,2})(?:\b|t\d)").captures_iter(f) {
        if &c[2] != &c[4] || &c[2] == "-" && (c[3].len() != 2 || c[5].len() != 2) {
            continue;
        }
        let full = c[3].parse().ok().and_then(|m| ymd(&c[1], m, &c[5]));
        out.push(FoundDate { start: c.get(0).map_or(0, |m| m.start()), full });
    }
    // ("26/01/201726/01/2017": the date published and the date updated,
    // run together by a dump.)
    for c in re(&NUMERIC, r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:\b|\d{1,2}[/.]\d{1,2}[/.]\d{4}\b)").captures_iter(f) {
        let full = c[2].parse().ok().and_then(|m| ymd(&c[3], m, &c[1]));
        out.push(FoundDate { start: c.get(0).map_or(0, |m| m.start()), full });
    }
    // "Publié le 22/10/17 à 19h49": a French timestamp's two-digit year
    // (day first; only after "le", where an American date never stands).
    static SHORT: OnceLock<Regex> = OnceLock::new();
    for c in re(&SHORT, r"\ble (\d{1,2})/(\d{1,2})/(\d{2})\b(?:[^/\d]|$)").captures_iter(f) {
        let year = format!("20{}", &c[3]);
        let full = c[2].parse().ok().and_then(|m| ymd(&year, m, &c[1]));
        out.push(FoundDate { start: c.get(1).map_or(0, |m| m.start()), full });
    }
    // ("Yahoo News Australia28 October 2020": a date glued to the name
    // before it; "March 23, 2020timer5 min. read": to an icon's name after.)
    for c in
        re(&WORDS, r"(?:\b|[a-z])(\d{1,2})(?:er|st|nd|rd|th)? ([a-z]{3,9}\.?),? (\d{4})(?:\b|[a-z])").captures_iter(f)
    {
        if let Some(m) = month(&c[2]) {
            out.push(FoundDate { start: c.get(0).map_or(0, |m| m.start()), full: ymd(&c[3], m, &c[1]) });
        }
    }
    for c in re(&EN, r"\b([a-z]{3,9}\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?:\b|[a-z])").captures_iter(f) {
        if let Some(m) = month(&c[1]) {
            out.push(FoundDate { start: c.get(0).map_or(0, |m| m.start()), full: ymd(&c[3], m, &c[2]) });
        }
    }
    if out.is_empty() {
        // "le 28/03", "June 4": a date without its year.
        let partial = re(&PARTIAL, r"\b\d{1,2}/\d{1,2}\b|\b\d{1,2}(?:er)? ([a-z]{3,9})\b|\b([a-z]{3,9}) \d{1,2}\b");
        for c in partial.captures_iter(f) {
            let named = c.get(1).or(c.get(2)).map(|m| m.as_str());
            if named.is_none_or(|n| month(n).is_some()) {
                out.push(FoundDate { start: c.get(0).map_or(0, |m| m.start()), full: None });
            }
        }
    }
    out.sort_by_key(|d| d.start);
    out
}

/// A full date stated in a line, as YYYY-MM-DD. Partial dates ("le 28/03")
/// give none: the year would be a guess.
pub fn full_date(line: &str) -> Option<String> {
    find_dates(&fold(line)).into_iter().find_map(|d| d.full)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(article: &Article) -> Vec<&str> {
        article.blocks.iter().map(Block::text).collect()
    }

    #[test]
    fn labels_between_paragraphs_are_removed_and_do_not_cut_the_article() {
        let para = |n: usize| {
            format!("The harbour authority said on Tuesday that paragraph number {n} of this report describes the strike in full.")
        };
        let mut raw = String::from("Dockers walk out at Port Halvard\n\nBy Anna Voss\nPublished March 12, 2024\n\n");
        for n in 1..=6 {
            raw.push_str(&format!("Article content\n\n{}\n\n", para(n)));
        }
        let article = clean(&raw, &[]);
        assert_eq!(article.title.as_deref(), Some("Dockers walk out at Port Halvard"));
        let text = kept(&article);
        assert!(!text.contains(&"Article content"), "{text:?}");
        for n in 1..=6 {
            assert!(text.contains(&para(n).as_str()), "paragraph {n} lost: {text:?}");
        }
        assert!(article.removed.iter().any(|r| r.kind == "label" && r.text == "Article content"));
    }

    #[test]
    fn crossheads_an_article_repeats_in_each_section_stay() {
        let para = |n: usize| {
            format!("Port Halvard's team number {n} plays away on Friday night, and the coach said the squad was ready for it.")
        };
        let mut raw =
            String::from("Harbour league playoffs: who goes through\n\nBy Anna Voss\nPublished March 12, 2024\n\n");
        raw.push_str(&format!("{}\n\n", para(1)));
        for section in 1..=3 {
            raw.push_str("The favourites\n\n");
            for n in 0..5 {
                raw.push_str(&format!("{}\n\n", para(section * 10 + n)));
            }
            raw.push_str("Upset watch\n\n");
            for n in 5..9 {
                raw.push_str(&format!("{}\n\n", para(section * 10 + n)));
            }
        }
        let article = clean(&raw, &[]);
        let text = kept(&article);
        assert_eq!(text.iter().filter(|t| **t == "The favourites").count(), 3, "{text:?}");
        assert_eq!(text.iter().filter(|t| **t == "Upset watch").count(), 3, "{text:?}");
    }

    #[test]
    fn a_box_of_links_or_a_paywall_inside_the_article_does_not_end_it() {
        let para = |n: usize| {
            format!("Workers at the port stopped for the {n}th day in a row, the union said, as talks with the employers stalled again.")
        };
        let raw = format!(
            "Dockers walk out at Port Halvard\n\nBy Anna Voss\n\n{}\n\n{}\n\nREGISTER / SIGN IN TO UNLOCK MORE ARTICLES\n\n\
             Create an account or sign in to continue with your reading experience.\n\n  • Access articles from across the country.\n  \
             • Enjoy additional articles per month.\n  • Get email updates from your favourite authors.\n\nSign In or Create an Account\n\n\
             {}\n\nTrending\n\n 1. Ferry fares to rise in spring\n\n    Ferry at dock\n    News\n 2. Council votes on new bridge\n\n    \
             Bridge at night\n    News\n 3. Storm closes coast road\n\n    Coast road\n    Weather\n 4. Fishing quotas cut again\n\n    \
             Fishing boats\n    News\n\n{}\n\n{}\n",
            para(1),
            para(2),
            para(3),
            para(4),
            para(5)
        );
        let article = clean(&raw, &[]);
        let text = kept(&article);
        for n in 1..=5 {
            assert!(text.contains(&para(n).as_str()), "paragraph {n} lost: {text:?}");
        }
        for chrome in ["Trending", "Sign In or Create an Account", "• Enjoy additional articles per month."] {
            assert!(!text.iter().any(|t| t.contains(chrome.trim_start_matches("• "))), "{chrome} left: {text:?}");
        }
        assert!(!text.iter().any(|t| t.contains("Ferry")), "{text:?}");
    }

    #[test]
    fn a_line_made_of_menu_entries_is_navigation_not_the_headline() {
        let raw = "Politique\n  • Sondage\nFrance\n  • Police\nInternational\n  • Europe\nEnvironnement\n  • Climat\nCulture\n  • Livres\n\n\
                   Politique France International Environnement Culture Vidéos\n\n\
                   Les dockers de Port Halvard reprennent le travail après trois semaines\n\n\
                   Le syndicat a signé l'accord dans la nuit de mardi à mercredi.\n\nPar Anna Voss\n\n\
                   Les dockers de Port Halvard ont repris le travail mercredi matin, après trois semaines de grève et une longue nuit de négociations avec la direction du port.\n\n\
                   La direction a accepté une hausse des salaires de quatre pour cent, a indiqué le syndicat, qui réclamait six pour cent au début du conflit.\n";
        let article = clean(raw, &[]);
        assert_eq!(
            article.title.as_deref(),
            Some("Les dockers de Port Halvard reprennent le travail après trois semaines")
        );
        assert!(article.removed.iter().any(|r| r.kind == "navigation" && r.text.starts_with("Politique France")));
    }

    #[test]
    fn a_kicker_before_a_bar_is_part_of_the_headline() {
        assert!(could_be_headline("BUDGET 3.0 | Port gets R4bn to hire more inspectors"));
        assert!(!could_be_headline("News | Business | Port gets R4bn to hire more inspectors"));
        assert!(!could_be_headline("Port Halvard | Harbour Gazette"));
    }

    #[test]
    fn a_title_abbreviation_does_not_make_a_headline_two_sentences() {
        assert!(!is_body("Inside the Legislature’s long fight with state Rep. Anna Voss over the harbour bill"));
        assert!(is_body("The harbour authority met on Tuesday to discuss the strike. Port director Anna Voss said talks would go on."));
    }

    #[test]
    fn chrome_is_recognised() {
        let none: &[String] = &[];
        for (line, kind) in [
            ("Suivez RT en français surTelegram", "follow-us"),
            ("Follow Workers' Voice on Mastodon", "follow-us"),
            ("Join us on Telegram", "follow-us"),
            ("Partager Cet Article", "share-widget"),
            ("SOURCE: FRENCH PRESS TV", "source-footer"),
            ("Lire aussi : Venezuela : Moscou met en garde", "related-link"),
            (">> Un autre article sans rapport", "related-link"),
            ("Voir aussi : E-Press du 25 mai 2019", "related-link"),
            ("Les coopérations se poursuivent. (Photo d'archives)", "image-caption"),
            ("Tout AccepterTout refuserParamétrer vos choix", "consent-banner"),
            ("Advertisement", "advertisement"),
            ("Advertisment", "advertisement"),
            ("(c) National Wire 2024. All rights reserved.", "copyright"),
            ("© Le Monde 2019", "copyright"),
            ("Accueil > Monde > Europe", "breadcrumb"),
            ("Temps de lecture : 2 min", "notice"),
            ("Cet article date de plus de huit ans.", "notice"),
            ("Skip to main content", "notice"),
            ("U.S. President Barack Obama speaks at the White House. Photo: Reuters", "image-caption"),
            (
                "FILE - In this June 20, 2020, file photo, the winner crosses the finish line in Elmont, N.Y. The \
                 horse completed his final workout on Saturday, trained by a man who has won the race twice \
                 before, and is the favourite for the race that was moved from May to September this year \
                 because of the pandemic, which kept the crowds away from the track for the whole season.",
                "image-caption",
            ),
            ("In this image made from video, the minister speaks to reporters in Paris, May 2, 2024.", "image-caption"),
            ("Image 1 of / 1", "widget"),
            ("Photo 3 sur 12", "widget"),
            ("Video Ad Feedback", "advertisement"),
            ("To view this video please enable JavaScript, and consider upgrading to a web browser", "widget"),
            (
                "Get set for the working day – we'll point you to all the business news and analysis you need every morning",
                "newsletter",
            ),
            ("Get in touch with our news team by emailing us at webnews@harbour.example.", "newsletter"),
            ("For more stories like this, check our news page.", "newsletter"),
            ("02:12 - Source: CNN", "widget"),
            ("Advertisement 2", "advertisement"),
            ("3. Advertisement 1", "advertisement"),
            ("This advertisement has not loaded yet, but your article continues below.", "advertisement"),
            ("Story continues below", "advertisement"),
            ("Don't want to see this? Remove ads", "advertisement"),
            ("REGISTER / SIGN IN TO UNLOCK MORE ARTICLES", "subscribe"),
            ("Sign In or Create an Account", "subscribe"),
            ("Create an account or sign in to continue with your reading experience.", "subscribe"),
            ("THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY", "subscribe"),
            ("Author of the article:", "byline"),
            ("harbour, cranes, container ship, sky", "image"),
            ("We apologize, but this video has failed to load.", "widget"),
            ("Back to video", "widget"),
            ("Reviews are independent. The Gazette may earn an affiliate commission from links.", "disclaimer"),
            ("Thanks for signing up!", "newsletter"),
            ("A welcome email is on its way. If you don't see it, please check your junk folder.", "newsletter"),
            ("━━━━━━━━━━━━━━━━━━━━", "separator"),
            ("Would you like to comment on this article?", "comments"),
            ("Recommended from Editorial", "related-link"),
            ("Charger plus d'articles", "related-link"),
            ("Order Reprint of this Story", "share-widget"),
            ("Vous avez lu 1 des 4 articles gratuits ce mois-ci.", "subscribe"),
            ("Ajouter à vos sélections", "subscribe"),
            ("[grey-placeholder.png] Getty Images Dockers at the gate of Port Halvard", "image-caption"),
            ("Vos réactions (11)", "comments"),
            ("IFRAME: https://example.org/embed/3o7TK", "image-caption"),
            ("Article suivant Les dockers reprennent le travail", "related-link"),
            ("6 min lues", "notice"),
            ("28,25,140Cases", "widget"),
            ("Crowds wait near the harbour (Picture: PA)", "image-caption"),
            ("zone post image for post 21183746", "image"),
            ("To view this video please enable JavaScript", "widget"),
        ] {
            assert_eq!(chrome_kind(line, none), Some(kind), "{line}");
        }
        assert_eq!(chrome_kind("Le Kremlin a démenti mardi avoir informé Washington.", none), None);
        assert_eq!(chrome_kind("Follow the money, the prosecutor said on Tuesday in court.", none), None);
    }

    #[test]
    fn joins_hard_wrapped_lines_only() {
        let wrapped = "Le Kremlin a démenti mardi avoir informé Washington\ndu retrait de la majorité de son personnel.\n\nSuite.";
        assert_eq!(
            paragraphs(wrapped),
            [
                "Le Kremlin a démenti mardi avoir informé Washington du retrait de la majorité de son personnel.",
                "Suite."
            ]
        );
        let lines =
            "Premier paragraphe assez long pour ressembler à un texte coupé sans ponctuation (AFP photo)\nSecond.";
        assert_eq!(paragraphs(lines).len(), 2);
    }

    #[test]
    fn dates_need_a_year() {
        assert_eq!(full_date("Dernière mise à jour à 09h07 le 28/03"), None);
        assert_eq!(full_date("Publié le 4 juin 2019 à 10h"), Some("2019-06-04".into()));
        assert_eq!(full_date("Published June 4, 2019"), Some("2019-06-04".into()));
        assert_eq!(full_date("Mis à jour le 04/06/2019"), Some("2019-06-04".into()));
        assert_eq!(full_date("Dec. 14, 2015"), Some("2015-12-14".into()));
        assert_eq!(full_date("AFP Publié 21 Juillet 2021 à 18:26"), Some("2021-07-21".into()));
    }

    #[test]
    fn header_metadata_leaves_the_text() {
        let raw = "URL: https://example.org/a\n\nDockers walk out at Port Halvard\n\nBy Staff Reporter, Harbour Gazette\n\nMarch 13, 2024\n\n\
                   PORT HALVARD, March 12, 2024 — About 2,400 dockworkers walked off the job on Tuesday, the union said, in a dispute over pay.\n\n\
                   The strike is the first in a decade.\n\nFollow Workers' Voice on Mastodon\n\n(c) National Wire 2024. All rights reserved.\n";
        let a = clean(raw, &[]);
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.title.as_deref(), Some("Dockers walk out at Port Halvard"));
        assert_eq!(a.author.as_deref(), Some("Staff Reporter, Harbour Gazette"));
        assert_eq!(a.date.as_deref(), Some("2024-03-13"));
        assert_eq!(a.dateline.as_deref(), Some("Port Halvard"));
        let text: Vec<&str> = a.blocks.iter().map(Block::text).collect();
        assert_eq!(
            text,
            [
                "About 2,400 dockworkers walked off the job on Tuesday, the union said, in a dispute over pay.",
                "The strike is the first in a decade."
            ]
        );
        let kinds: Vec<&str> = a.removed.iter().map(|r| r.kind.as_str()).collect();
        assert!(kinds.contains(&"copyright") && kinds.contains(&"follow-us") && kinds.contains(&"byline"), "{kinds:?}");
    }

    #[test]
    fn french_datelines_and_timestamps() {
        let raw = "Le titre de l'article\n\nPar Jean Dupont\n\nPublié le 04/06/2019 à 10:30\n\n\
                   (Moscou) Le Kremlin a démenti mardi avoir informé Washington du retrait de son personnel.\n\nSuite du texte ici, assez longue pour être un paragraphe.\n";
        let a = clean(raw, &[]);
        assert_eq!(a.author.as_deref(), Some("Jean Dupont"));
        assert_eq!(a.date.as_deref(), Some("2019-06-04"));
        assert_eq!(a.dateline.as_deref(), Some("Moscou"));
        assert!(a.blocks[0].text().starts_with("Le Kremlin"), "the dateline leaves the text: {}", a.blocks[0].text());
        let wire = "MOSCOU, 4 juin (AFP) - La Russie a démenti.\n\nFin du texte, assez longue pour compter.";
        let a = clean(&format!("Titre\n\n{wire}"), &[]);
        assert_eq!(a.dateline.as_deref(), Some("Moscou"));
        assert!(a.credits.iter().any(|c| c.contains("(AFP)")));
    }

    #[test]
    fn more_date_forms() {
        assert_eq!(full_date("2024-09-05T23:56+0000"), Some("2024-09-05".into()));
        assert_eq!(full_date("Source:Agency Published: 2018/7/21 10:12:51"), Some("2018-07-21".into()));
        assert_eq!(full_date("2018/13/21"), None);
        assert_eq!(full_date("2018-7/21"), None);
        assert!(is_date_line("Source:Agency Published: 2018/7/21 10:12:51"));
    }

    #[test]
    fn the_headline_the_address_spells() {
        let none: &[String] = &[];
        let a = clean(
            "URL: https://example.com/media/nearly-300-journalists-strike-for-first-time-in-30-years\n\n\
             Nearly 300 journalists went on strike Thursday after they accused management of dragging their feet in contract talks.\n\n\
             The strike is expected to last for 24 hours, and it was accompanied by a picket line outside the office on Thursday.\n\n\
             Media\n\n\
             Nearly 300 Journalists Strike for First Time in 30 Years\n\n\
             Trending Now",
            none,
        );
        assert_eq!(a.title.as_deref(), Some("Nearly 300 Journalists Strike for First Time in 30 Years"));
        assert!(url_spells("https://x.org/a/b/some-headline-words-here.html", "Some headline words here"));
        assert!(!url_spells("https://x.org/a/story/37580211", "Kentucky governor declares an emergency"));
    }

    #[test]
    fn a_timestamp_glued_to_the_headline_is_the_date() {
        let line = "Les marchés de Dakar se vident de leur monde en raison du Magal Publié le mercredi 6 septembre 2023 | Agence de Presse Sénégalaise";
        let (head, stamp) = glued_timestamp(line);
        assert_eq!(head, "Les marchés de Dakar se vident de leur monde en raison du Magal");
        assert!(stamp.is_some_and(|s| s.starts_with("Publié le mercredi")));
        let a = clean(&format!("{line}\n\nLa forte affluence des Dakarois vers Touba pour le pèlerinage a vidé les marchés de la capitale, mercredi.\n\nLes vendeurs de poisson attendent le retour des clients après le Magal, disent-ils au marché."), &[]);
        assert_eq!(a.title.as_deref(), Some("Les marchés de Dakar se vident de leur monde en raison du Magal"));
        assert_eq!(a.date.as_deref(), Some("2023-09-06"));
    }

    #[test]
    fn more_chrome() {
        let none: &[String] = &[];
        for (line, kind) in [
            ("Publié le:2020-01-02 | Source:Agence | Augmenter la taille du texte | Réduire", "timestamp"),
            ("Advertising Rates", "advertisement"),
            ("Please contact the advertising office on 01 234 for the advertising rates.", "advertisement"),
            ("CLOSE Floods hit the valley in May. Watch our drone footage.", "widget"),
            ("Hide Ad", "advertisement"),
            ("Story continues below advertisement", "advertisement"),
            ("Sign up", "newsletter"),
            ("Elder beat Mt. Healthy Friday night in a Division I sectional 47-34.Full Story >", "related-link"),
            ("Publié le 2 nov. 2023 à 16:00Mis à jour le 2 nov. 2023 à 16:16", "timestamp"),
            ("To view the full story, please subscribe to The Harbour Gazette.", "subscribe"),
            ("Il vous reste 85% à découvrir. Inscrivez vous pour lire la suite de cet article.", "subscribe"),
            (
                "If you found the reporting above valuable, please consider making a donation to support it.",
                "subscribe",
            ),
            ("Got a tip? Email Anna Voss at anna@example.org.", "subscribe"),
            ("Publier un nouveau commentaire", "comments"),
            ("• Réagir (14)", "comments"),
            ("Suggest a Correction", "comments"),
        ] {
            assert_eq!(chrome_kind(line, none), Some(kind), "{line}");
        }
        assert_eq!(chrome_kind("Close to the river, the town flooded again on Monday.", none), None);
        assert_eq!(chrome_kind("They said they would sign up for the scheme before the summer.", none), None);
        // After a full rights notice, the page's teasers are not the article.
        let a = clean(
            "The governor declared a statewide emergency on Monday after heavy rainfall flooded several counties in the east of the state.\n\n\
             The order allows state resources to be mobilized and made available to assist cities and counties if they need it.\n\n\
             The State Emergency Operations Center has received fourteen county declarations since the storms began last week.\n\n\
             Copyright 2018 The Associated Press. All rights reserved.\n\n\
             Earlier this year, a film crew ran through the streets of Covington in khaki pants and a sweater.",
            none,
        );
        assert_eq!(a.blocks.len(), 3, "{:?}", a.blocks);
        // So does the heading of the comment rules after it.
        let a = clean(
            "The governor declared a statewide emergency on Monday after heavy rainfall flooded several counties in the east of the state.\n\n\
             The order allows state resources to be mobilized and made available to assist cities and counties if they need it.\n\n\
             The State Emergency Operations Center has received fourteen county declarations since the storms began last week.\n\n\
             HOUSE RULES\n\n\
             We welcome reader comments on the top stories of the day, but some comments may be republished on the website or in the newspaper.",
            none,
        );
        assert_eq!(a.blocks.len(), 3, "{:?}", a.blocks);
        assert_eq!(chrome_kind("Le port | la ville | la mer est une chanson connue de tous.", none), None);
        // The author's box closing the text goes; a paragraph about someone
        // else named like a byline stays.
        let body = "The governor declared a statewide emergency on Monday after heavy rainfall flooded several counties in the east of the state.\n\n\
             The order allows state resources to be mobilized and made available to assist cities and counties if they need it.\n\n\
             The State Emergency Operations Center has received fourteen county declarations since the storms began last week.\n\n";
        let a = clean(
            &format!("By Madison Weil\n\n{body}Madison Weil\n\nMadison Weil joined the News Channel 3 team in June 2018. Learn more about Madison here."),
            none,
        );
        assert_eq!(a.author.as_deref(), Some("Madison Weil"));
        assert_eq!(a.blocks.len(), 3, "{:?}", a.blocks);
        assert!(a.removed.iter().any(|r| r.kind == "author-bio" && r.text.starts_with("Madison Weil joined")));
        let a = clean(
            &format!("By Madison Weil\n\n{body}Anna Voss is the port director and said the work would go on."),
            none,
        );
        assert_eq!(a.blocks.len(), 4, "{:?}", a.blocks);
    }

    #[test]
    fn a_list_the_article_introduces_stays_in_it() {
        let page = "Menu\n\nDoctors ask hospitals to scale down\n\n\
            The hospital doctors' association has proposed that hospitals scale down to emergency services until the outbreak is contained.\n\n\
            In a statement, the association's president said doctors were exposed to the disease because of a lack of protective equipment.\n\n\
            The measures are:\n\n\
            \x20 • Hospitals must scale down to emergency mode at once\n\
            \x20 • Adequate protective equipment for all health workers\n\
            \x20 • Separate entry and exit points for health workers\n\n\
            So far, the country has reported two cases of the disease.\n\n\
            Another patient is suspected to have been infected and is being kept in isolation at the main hospital in the capital.\n\n\
            Most read\n\n  • Home\n  • World\n";
        let a = clean(page, &[]);
        let text: Vec<&str> = a.blocks.iter().map(Block::text).collect();
        assert!(text.contains(&"The measures are:"), "{text:?}");
        assert_eq!(text.iter().filter(|t| t.starts_with('•')).count(), 3, "{text:?}");
        assert!(text.iter().any(|t| t.starts_with("Another patient")), "{text:?}");
        assert!(!text.iter().any(|t| t.contains("Home") || t.contains("World")), "{text:?}");
    }

    #[test]
    fn bylines_by_role_and_glued_to_the_headline() {
        assert_eq!(byline_names("Anna Voss International Editor").as_deref(), Some("Anna Voss"));
        assert_eq!(byline_names("Photo portrait de Jeanne Martin").as_deref(), Some("Jeanne Martin"));
        assert_eq!(byline_names("Jean Dupont, correspondant à Rome").as_deref(), Some("Jean Dupont"));
        assert_eq!(byline_names("The editor resigned"), None);
        assert_eq!(
            glued_byline("Harbour strike ends after talksBy Staff Agency"),
            ("Harbour strike ends after talks".to_owned(), Some("By Staff Agency".to_owned()))
        );
        assert_eq!(glued_byline("Stand By Me").1, None);
    }

    #[test]
    fn teasers_repeat_the_lede() {
        let lede = "The council voted on Monday to close the old harbour bridge to all traffic for repairs.";
        let raw = format!(
            "{lede} A second sentence that the teaser runs o\n\nBridge closed for repairs\n\n{lede}\n\nA second sentence that the teaser runs on into, as summaries do.\n"
        );
        let a = clean(&raw, &[]);
        assert_eq!(a.title.as_deref(), Some("Bridge closed for repairs"));
        assert_eq!(a.blocks.len(), 2, "{:?}", a.blocks);
        assert!(a.removed.iter().any(|r| r.kind == "repeat"));
        // A standfirst the lede restates stays.
        let raw = format!(
            "Bridge closed\n\nThe council voted on Monday to close the old harbour bridge for good.\n\n{lede}\n"
        );
        let a = clean(&raw, &[]);
        assert_eq!(a.blocks.len(), 2, "{:?} {:?}", a.blocks, a.removed);
    }

    #[test]
    fn a_text_cut_mid_sentence_keeps_its_last_words() {
        let raw = "Bridge closed\n\nThe council voted on Monday to close the old harbour bridge to all traffic for repairs.\n\n\
                   Work should take three months, the mayor said on Tuesday at a meeting with residents.\n\nAnna Voss, head of works and communicatio\n";
        let a = clean(raw, &[]);
        assert_eq!(a.blocks.last().map(Block::text), Some("Anna Voss, head of works and communicatio"));
        let raw = "Bridge closed\n\nThe council voted on Monday to close the old harbour bridge to all traffic for repairs.\n\nContact Us\n";
        assert_eq!(clean(raw, &[]).blocks.len(), 1);
    }

    #[test]
    fn lede_titles_drop_the_dateline() {
        let lede = "(Moscou) Le Kremlin a démenti mardi avoir informé Washington du retrait de la majorité de son personnel présent au Venezuela en soutien à Nicolas Maduro, comme affirmé la veille.";
        assert_eq!(
            title_from_lede(lede),
            "Le Kremlin a démenti mardi avoir informé Washington du retrait de la majorité de son personnel présent au Venezuela en soutien à Nicolas Maduro"
        );
        let long = "Un très long premier paragraphe sans aucune virgule qui continue encore et encore bien au-delà de la limite raisonnable pour un titre.";
        let title = title_from_lede(long);
        assert!(title.ends_with('…') && title.chars().count() <= 111, "{title}");
    }

    #[test]
    fn what_text_dumps_show_of_a_page() {
        let none: &[String] = &[];
        for (line, kind) in [
            ("[svg]", "image"),
            ("[hero_pic_2]", "image"),
            ("[Valider]", "image"),
            ("0004120093-photo-harbour-bridge-night.jpg", "image"),
            ("77123456-1029384756102938-5647382910564738291-n", "image"),
            ("Article thumbnail image", "image"),
            ("author avatar image", "image"),
            ("Rechercher : [ ][OK]", "form"),
            ("Email address [ ] [Subscribe]", "form"),
            (
                "The bridge at dawn - Port Halvard - 3 May 2021 The bridge at dawn - Port Halvard - 3 May 2021",
                "image-caption",
            ),
            ("The mayor at the reopening. — Picture by Anna Voss", "image-caption"),
            ("FILE - The mayor speaks at the harbour on Monday, May 3, 2021.", "image-caption"),
            ("Facebook Twitter LinkedIn Share via Email", "share-widget"),
            ("cancel email link share Save", "share-widget"),
            ("Back to story Restart gallery", "share-widget"),
            ("The Seattle Times does not append comment threads to stories from wire services", "comments"),
            ("Ask your question in the form below.", "comments"),
            ("J’adhère dès 13 €", "subscribe"),
            ("Billet précédent Billet suivant", "related-link"),
            ("VIDEO 4:42 04:42", "widget"),
            ("* Click to email this to a friend (Opens in new window)", "share-widget"),
            ("Show Caption", "share-widget"),
            ("* Click to share on Facebook (Opens in new window)", "follow-us"),
            (
                "[1/5] The harbour bridge at dawn, May 3, 2021. REUTERS/Anna Voss Purchase Licensing Rights",
                "image-caption",
            ),
            ("* Purchase Licensing Rights , opens new tab", "share-widget"),
            ("Il vous reste 61.86% de cet article à lire. La suite est réservée aux abonnés.", "subscribe"),
            ("En remplissant ce formulaire vous pourrez être inscrit à notre liste de diffusion.", "newsletter"),
            ("66 % de votre adhésion est déductible de vos impôts dans la limite de 20 %.", "subscribe"),
            ("12'16 Écouter Écouter Ajouter à la playlist Partager", "share-widget"),
            ("arrow_upward Skip to content", "widget"),
            ("PREVIOUS Harbour bridge reopens after repairs", "widget"),
            ("1 024 3 minute read", "notice"),
            ("Signaler une erreur", "notice"),
            ("Please keep your comments civil and on topic in the comments section below.", "comments"),
            ("Répondre à ce message", "comments"),
            ("Le 3 mai à 10:12, par Jean En réponse à : Le pont rouvre", "comments"),
            ("Ce blog est un espace libre ; ses contenus n'engagent pas la rédaction.", "disclaimer"),
            ("Abonnez-vous pour lire la suite de cet article.", "subscribe"),
            ("Je m'abonne Je me connecte", "subscribe"),
            ("#bridge #harbour", "tags"),
            ("Harbour / 20 m ago", "timestamp"),
            ("Photo of Anna Voss Anna Voss Send an email 2 hours ago", "byline"),
        ] {
            assert_eq!(chrome_kind(line, none), Some(kind), "{line}");
        }
        for line in [
            "Leave a comment and let us know which bridge you would rebuild first, the mayor wrote in a letter to residents on Monday.",
            "Follow @harbour_works for the timetable, the council said.",
            "Photo of the week: the bridge at dawn, taken by a reader who lives by the harbour.",
            "[ Harbour Gazette ]",
        ] {
            assert_eq!(chrome_kind(line, none), None, "{line}");
        }
        assert_eq!(byline_names("Photo of Anna Voss Anna Voss Send an email").as_deref(), Some("Anna Voss"));
        assert_eq!(byline_names("• Par Anna Voss").as_deref(), Some("Anna Voss"));
        assert_eq!(byline_names("Auteur : Anna Voss").as_deref(), Some("Anna Voss"));
        assert_eq!(byline_names("Texte de votre message"), None);
    }

    #[test]
    fn a_dump_keeps_its_layout() {
        let raw =
            "Menu\n\n  • Home\n      □ World\n\nRow   Alpha     Beta      Gamma\nTwo   1         2         3\n\nText.";
        let lines = laid_out(raw);
        let find = |t: &str| lines.iter().find(|(p, _)| p.starts_with(t)).map(|(_, l)| *l).unwrap();
        assert_eq!(find("• Home").indent, 2);
        assert_eq!(find("□ World").indent, 6);
        assert_eq!(find("• Home").block, find("□ World").block);
        assert!(find("Row").table && find("Two").table && !find("Text").table);
        assert_eq!(paragraphs(raw), lines.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>());
    }

    /// A page as a text dump lays it out: menus, a headline, a byline and a
    /// timestamp, share buttons, the article with a picture, a table and a
    /// box of links inside, then the comments and the teasers.
    const DUMP: &str = "Skip to content\n\n  • News\n  • Sport\n      □ Football\n  • Weather\n\nTuesday, March 12 2024\n\n\
        Harbour\n\nBridge reopens after two years of repairs\n\n\
        By Anna Voss\nMarch 13, 2024\nFacebook Twitter Share via Email\n\n[png]\nThe bridge at dawn on Monday. Photo: Harbour Gazette\n\n\
        The council reopened the old harbour bridge on Tuesday after two years of repairs that cost more than the town had planned.\n\n\
        Engineers replaced the deck and most of the cables, the mayor said at a ceremony attended by several hundred residents.\n\n\
        Costs by year:\n\n\
        Year   Planned     Spent\n2022   1.2         1.9\n2023   0.8         1.4\n2024   0.2         0.3\n\n\
        \x20 • Read also: the ferry service ends this week\n\n\
        The ferry that replaced the bridge during the works will stop running at the end of the week, the operator said.\n\n\
        Residents said they were glad to have their bridge back, though some still worry about the traffic it will bring.\n\n\
        Lunch on the quay.\n\n\
        Anna Voss\n\n\
        Comments\n\n\
        Please keep your comments civil in the comments section below.\n\n\
        \x20   # Le 14 mars à 10:12, par Jean En réponse à : Bridge reopens\n\n\
        \x20   I have crossed it twice already and the view from the middle is as good as it ever was, I must say.\n\n\
        Latest news\n\n\
        Market day moves to Thursday\n\nMarch 10, 2024\n\nThe weekly market will be held on Thursdays from next month, the council decided after a vote.\n\n\
        School roof to be repaired\n\nMarch 9, 2024\n\nWork on the roof of the primary school will start in the summer holidays, the head teacher said.\n\n\
        Library opens on Sundays\n\nMarch 8, 2024\n\nThe library will open on Sunday afternoons from April, the town's librarian announced on Friday.\n\n\
        © 2024 Harbour Gazette";

    #[test]
    fn a_dump_gives_its_article_only() {
        let a = clean(DUMP, &[]);
        assert_eq!(a.title.as_deref(), Some("Bridge reopens after two years of repairs"));
        assert_eq!(a.author.as_deref(), Some("Anna Voss"));
        assert_eq!(a.date.as_deref(), Some("2024-03-13"), "the date under the headline, not today's above it");
        let text: Vec<&str> = a.blocks.iter().map(Block::text).collect();
        assert!(text[0].starts_with("The council reopened"), "{text:?}");
        for kept in
            ["The ferry that replaced", "Residents said", "Lunch on the quay.", "Year Planned Spent", "2024 0.2 0.3"]
        {
            assert!(text.iter().any(|t| t.starts_with(kept)), "{kept} is the article's: {text:?}");
        }
        for gone in [
            "Read also",
            "The bridge at dawn",
            "Anna Voss",
            "Comments",
            "I have crossed",
            "Market day",
            "The weekly market",
            "Library",
            "Facebook",
        ] {
            assert!(!text.iter().any(|t| t.contains(gone)), "{gone} is not the article's: {text:?}");
        }
    }

    #[test]
    fn teasers_with_dates_do_not_make_the_article() {
        // A short article, then a longer list of teasers, each with its date.
        let raw = "Menu\n\nBridge closed\n\nBy Anna Voss\n\nThe council voted on Monday to close the old harbour bridge to all traffic for repairs.\n\n\
                   Work should take three months, the mayor said on Tuesday at a meeting with residents of the quay.\n\n\
                   Anna Voss\n\nA selection:\n\n\
                   Market day moves\n\nMarch 10\n\nThe weekly market will be held on Thursdays from next month, the council decided after a long vote on Monday evening.\n\n\
                   School roof repaired\n\nMarch 9\n\nWork on the roof of the primary school will start in the summer holidays, the head teacher told parents in a letter.\n\n\
                   Library on Sundays\n\nMarch 8\n\nThe library will open on Sunday afternoons from April, the town's librarian announced on Friday to the council.\n";
        let a = clean(raw, &[]);
        assert_eq!(a.title.as_deref(), Some("Bridge closed"));
        let text: Vec<&str> = a.blocks.iter().map(Block::text).collect();
        assert_eq!(text.len(), 2, "{text:?}");
        assert!(text[0].starts_with("The council voted"), "{text:?}");
    }

    #[test]
    fn the_headline_of_a_dump() {
        // Under the headline, its byline; nearer the text, a gallery's
        // buttons and title.
        let raw = "Menu\n\nHarbour\n\nBridge reopens after two years of repairs\n\nBy Anna Voss March 13, 2024\n\n\
                   1 of 24\n\nFull Screen\n\nAutoplay\n\nBoats gather under the new deck\n\n\
                   The council reopened the old harbour bridge on Tuesday after two years of repairs that cost more than planned.\n\n\
                   Engineers replaced the deck and most of the cables, the mayor said at a ceremony attended by residents.\n";
        let a = clean(raw, &[]);
        assert_eq!(a.title.as_deref(), Some("Bridge reopens after two years of repairs"));
        assert_eq!(a.author.as_deref(), Some("Anna Voss"));
        // The headline the page repeats beats a name nearer the text.
        let raw = "Menu\n\nNews|Bridge reopens after two years of repairs\n\nBridge reopens after two years of repairs\n\n\
                   The deck and the cables are new.\n\nRichard (R.J.) Voss\n\nLog out Sign in\n\n\
                   The council reopened the old harbour bridge on Tuesday after two years of repairs that cost more than planned.\n\n\
                   Engineers replaced the deck and most of the cables, the mayor said at a ceremony attended by residents.\n";
        assert_eq!(clean(raw, &[]).title.as_deref(), Some("Bridge reopens after two years of repairs"));
        assert_eq!(byline_names("Dan Voss - Apr 16, 2015 8:02 pm UTC").as_deref(), Some("Dan Voss"));
        for line in ["1. Linda Voss", "21.dez.2018 às 12h55", "Harbour Gazette | News from the quay"] {
            let raw = format!("{line}\n\nThe council reopened the old harbour bridge on Tuesday after two years of repairs that cost more than planned.\n\nEngineers replaced the deck and most of the cables, the mayor said at a ceremony attended by residents.\n");
            assert_ne!(clean(&raw, &[]).title.as_deref(), Some(line), "{line} is no headline");
        }
    }

    #[test]
    fn mastheads_bylines_and_the_sites_own_words_are_no_headline() {
        for line in [
            "Harbour News Australia28 October 2020",
            "Anna Voss / HARBOURGAZETTE.COM / Sep 2, 2024, 17:07 IST",
            "Anna Voss, Claire Benit-Gbaffou and Tanya Zack",
            "Sorry, but your browser needs Javascript to use this site",
            "Activer l’option d’impression du navigateur",
            "Social Links for Anna Voss",
            "Main menu",
        ] {
            assert!(not_a_headline(line), "{line}");
        }
        for line in ["Bridge reopens after two years of repairs", "Dockers walk out at Port Halvard on March 12"] {
            assert!(!not_a_headline(line), "{line}");
        }
        let body = "The council reopened the old harbour bridge on Tuesday after two years of repairs that cost more than planned.\n\n\
                    Engineers replaced the deck and most of the cables, the mayor said at a ceremony attended by residents.\n";
        let raw = format!("Menu\n\nBridge reopens after two years of repairs\n\nAnna Voss\nHarbour News Australia28 October 2020\n\n{body}");
        let a = clean(&raw, &[]);
        assert_eq!(a.title.as_deref(), Some("Bridge reopens after two years of repairs"));
        assert_eq!(a.date.as_deref(), Some("2020-10-28"), "a date glued to the site's name");
    }

    #[test]
    fn the_headline_stands_over_its_byline_wherever_it_is() {
        let body = "The council reopened the old harbour bridge on Tuesday after two years of repairs that cost more than planned.\n\n\
                    Engineers replaced the deck and most of the cables, the mayor said at a ceremony attended by residents.\n";
        // Under the byline and the date: the subtitle, not the headline.
        let raw = format!("Sign in\n\nBridge reopens after two years of repairs\n\nAnna Voss\n\nFollow\n\nDec 9, 2019 · 6 min read\n\n\
                           A letter to the council, and to all who believe that repairs can wait for ever\n\n{body}");
        assert_eq!(clean(&raw, &[]).title.as_deref(), Some("Bridge reopens after two years of repairs"));
        // A headline and its deck over the byline: the first.
        let raw = format!(
            "EXPLAINER\n\nWhy did the bridge take two years? Because nobody owned the cables, officials say\n\n\
                           The port and the city argued over the bill for most of the repairs\n\nBy Anna Voss\n\n\
                           Published March 13, 2024 5:30AM (EST)\n\n{body}"
        );
        assert_eq!(
            clean(&raw, &[]).title.as_deref(),
            Some("Why did the bridge take two years? Because nobody owned the cables, officials say")
        );
        // Far above the text, a carousel of videos between: the one headline
        // over a byline and a timestamp; the writers' pictures over the
        // byline are no headline; the carousel is chrome.
        let mut raw = String::from("Menu\n\nBridge reopens after two years of repairs\n\nAnna Voss Paul Gay\n\n\
                                    By Anna Voss and Paul Gay, Harbour Gazette\n\nUpdated 4:48 PM EST, Mon March 13, 2024\n\n");
        for k in 1..=16 {
            raw.push_str(&format!(
                "Video Ad Feedback\n\nMayor number {k} speaks to reporters at the quay\n\n0{}:12 - Source: Harbour\n\n",
                k % 10
            ));
        }
        raw.push_str(body);
        let a = clean(&raw, &[]);
        assert_eq!(a.title.as_deref(), Some("Bridge reopens after two years of repairs"));
        let text = a.blocks.iter().map(Block::text).collect::<Vec<_>>().join("\n");
        assert!(!text.contains("speaks to reporters") && !text.contains("Source"), "{text}");
        // The page's title the dump opens with, the site's name after it.
        let mut raw = String::from("Bridge reopens after two years of repairs - Harbour Gazette\n\nMenu\n\n");
        raw.push_str("Bridge reopens after two years of repairs\n\n");
        for q in [
            "Question of the Day",
            "Will the bridge last?",
            "Yes, for decades",
            "No, not with these cables",
            "View results",
        ] {
            raw.push_str(&format!("{q}\n\n"));
        }
        raw.push_str(&"Ad\n\n".repeat(10));
        raw.push_str(&format!("By Anna Voss\n\nFriday, April 28, 2023\n\n{body}"));
        let a = clean(&raw, &[]);
        assert_eq!(a.title.as_deref(), Some("Bridge reopens after two years of repairs"));
        let text = a.blocks.iter().map(Block::text).collect::<Vec<_>>().join("\n");
        assert!(!text.contains("Question") && !text.contains("Will the bridge last"), "{text}");
    }

    #[test]
    fn the_headline_over_its_teaser_under_the_sites_name_and_without_its_kicker() {
        let body = "Le conseil municipal a rouvert mardi le vieux pont du port après deux ans de travaux plus coûteux que prévu.\n\n\
                    Les ingénieurs ont remplacé le tablier et la plupart des câbles, a déclaré le maire lors d’une cérémonie.\n";
        // A deck that ends on an ellipsis is the teaser under the headline.
        let raw = format!("Accueil\n\nLe pont du port rouvre après deux ans de travaux\n\nTRAVAUX Le chantier a coûté plus que prévu...\n\nAnna Voss\n\nPublié le 22/10/17 à 19h49\n\n{body}");
        let a = clean(&raw, &[]);
        assert_eq!(a.title.as_deref(), Some("Le pont du port rouvre après deux ans de travaux"));
        assert_eq!(a.date.as_deref(), Some("2017-10-22"), "a French timestamp's two-digit year");
        // "# Site" over the menu, "## Headline" over the article.
        let mut raw = String::from("# The Harbour Tribune\n\n");
        for item in 1..=24 {
            raw.push_str(&format!("  * Section {item}\n"));
        }
        raw.push_str(&format!("\n## Le pont du port rouvre enfin\n\n{body}"));
        assert_eq!(clean(&raw, &[]).title.as_deref(), Some("Le pont du port rouvre enfin"));
        // The place's kicker glued to a headline the breadcrumb gives bare.
        let raw = format!("  • Accueil\n  • Le pont du port rouvre après deux ans de travaux\n\nHalvard Le pont du port rouvre après deux ans de travaux\n\nAnna Voss\n\nPublié le 22/10/17 à 19h49\n\n{body}");
        assert_eq!(clean(&raw, &[]).title.as_deref(), Some("Le pont du port rouvre après deux ans de travaux"));
    }

    #[test]
    fn glued_kickers_source_lines_and_browser_notices() {
        let body = "Le conseil municipal a rouvert mardi le vieux pont du port après deux ans de travaux plus coûteux que prévu.\n\n\
                    Les ingénieurs ont remplacé le tablier et la plupart des câbles, a déclaré le maire lors d’une cérémonie.\n";
        // A kicker glued to the headline, and a place with its canton before it.
        let raw = format!("Accueil\n\nTravaux au portLe pont rouvre après deux ans de travaux\n\nAnna Voss\n\nPublié le 22/10/17 à 19h49\n\n{body}");
        assert_eq!(clean(&raw, &[]).title.as_deref(), Some("Le pont rouvre après deux ans de travaux"));
        let raw = format!("Accueil\n\nHalvard (VD) Le pont rouvre après deux ans de travaux\n\nAnna Voss\n\nPublié le 22/10/17 à 19h49\n\n{body}");
        assert_eq!(clean(&raw, &[]).title.as_deref(), Some("Le pont rouvre après deux ans de travaux"));
        // A word whose capital ends it is no glue.
        let raw = format!(
            "Accueil\n\nRadeon HD 7750 : DirectX 11.1 accessible\n\nAnna Voss\n\nPublié le 22/10/17 à 19h49\n\n{body}"
        );
        assert_eq!(clean(&raw, &[]).title.as_deref(), Some("Radeon HD 7750 : DirectX 11.1 accessible"));
        for line in
            ["Le Soleil (Dakar)", "Views: 184", "ADVERTISING - ne pas effacer", "LatestMoviesCoronavirus Lifestyle"]
        {
            assert!(not_a_headline(line), "{line}");
        }
        let notice = "Votre navigateur est obsolète. Veuillez le mettre à jour avec la dernière version pour éviter les failles de sécurité.";
        assert_eq!(chrome_kind(notice, &[]), Some("widget"));
    }
}

#[cfg(test)]
mod extracted_tests {
    use super::*;

    fn md(text: &str) -> Block {
        Block::Markdown { markdown: text.to_owned(), plain: text.trim_start_matches("- ").to_owned() }
    }

    /// A web page's article with a section of short headings and one-line
    /// answers between its paragraphs: all of it is the article, though a
    /// text dump's menu of that length would end the run.
    #[test]
    fn a_section_of_short_lines_inside_a_web_pages_article_keeps_it_whole() {
        let para = |n: usize| {
            md(&format!(
                "Paragraph {n} of the report says that the council met on Monday to discuss the harbour, \
                 and that the mayor promised a decision before the end of the month."
            ))
        };
        let mut blocks = vec![para(1), para(2), para(3)];
        for topic in ["Vision", "Access", "Tasks", "Needs", "Power", "Time"] {
            blocks.push(Block::Heading(format!("{topic} :")));
            blocks.push(md(&format!("List the {topic} of the project.")));
        }
        blocks.extend([para(4), para(5)]);
        let mut article = Article::default();
        clean_blocks(&mut article, blocks, &[], &[], false);
        let kept: Vec<&str> = article.blocks.iter().map(Block::text).collect();
        for n in 1..=5 {
            assert!(kept.iter().any(|t| t.starts_with(&format!("Paragraph {n} "))), "paragraph {n} lost: {kept:?}");
        }
        assert!(kept.iter().any(|t| t.starts_with("List the Power")), "{kept:?}");
    }

    #[test]
    fn two_dates_run_together_give_the_first() {
        let found = find_dates("published 26/01/201726/01/2017");
        assert_eq!(found.first().and_then(|d| d.full.clone()).as_deref(), Some("2017-01-26"));
    }

    #[test]
    fn a_fraction_opening_a_sentence_is_no_date_line() {
        assert!(!is_date_line("2/3 des mobinautes ne téléchargent plus d’application mobile"));
        assert!(is_date_line("Publié le 26/01/2017"));
    }
}
