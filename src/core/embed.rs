//! hoso inside a portal: the embedding protocol (version [`PROTOCOL`]) a host page speaks with
//! hoso in an iframe through `postMessage`, and the deployment's allow-list of host origins.
//!
//! Every rule of the protocol is here: which origins may talk to hoso ([`Config::allows`]), the
//! `Content-Security-Policy: frame-ancestors` value that matches ([`Config::frame_ancestors`]),
//! what a host may send ([`Incoming::parse`], typed refusals in [`EmbedProblem`]), what hoso
//! sends ([`Outgoing`]; of the drafts' saves, [`SaveNews`]), how a portal's data fills a declaration ([`prefill`]) and which theme
//! properties a portal may set ([`theme`]). The browser adapter (`web::embed`) only listens,
//! posts and applies; README ("Embedding in a portal") documents the messages for host authors.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::dossier::{procedure_of, StoreError};
use crate::core::forms::{Answers, FormDef};

/// The protocol version a host names in `hoso:init` (`v`) and hoso names in `hoso:ready`.
pub const PROTOCOL: u32 = 1;

/// The file a deployment serves beside `index.html` (`public/embed.json`).
pub const CONFIG_FILE: &str = "embed.json";

/// A deployment's embedding settings: the host origins allowed to embed hoso and talk to it.
/// Served with the app (never taken from the address), read by the app and by the static server
/// that sends the matching `frame-ancestors` header (`scripts/serve-dist.mjs`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// The config format (1).
    pub v: u32,
    /// Exact origins (`https://dichvucong.gov.vn`): a scheme, a host and an optional port.
    pub origins: Vec<String>,
}

/// Why a config, or a message from a host, is refused. `message()` is for the host's developer
/// (the console, `hoso:error`); the person never sees these.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EmbedProblem {
    /// The config file is not JSON of the documented shape.
    BadConfig { detail: String },
    /// An allow-list entry is not an origin (a path, a wildcard, `null`, not http(s)).
    BadOrigin { origin: String },
    /// A message from an origin the deployment does not allow.
    OriginNotAllowed { origin: String },
    /// Not a hoso message at all (no `type` starting with `hoso:`): ignored.
    NotHoso,
    /// A `hoso:` type hoso does not know (or one only hoso sends).
    UnknownType { r#type: String },
    /// A protocol version this hoso does not speak.
    Version { v: u64, supported: u32 },
    /// A field of the message has the wrong shape.
    BadField { field: String, detail: String },
    /// A prefill key the procedure's declaration does not have (the rest is applied).
    UnknownAnswer { key: String },
    /// A theme property hoso does not offer, or a value it does not accept (the rest is applied).
    BadTheme { property: String },
    /// A language hoso's interface is not written in yet.
    UnsupportedLocale { locale: String },
}

impl EmbedProblem {
    pub fn message(&self) -> String {
        match self {
            EmbedProblem::BadConfig { detail } => {
                tr!("embed.embed-json-khong-dung-dang", "embed.json không đúng dạng {{\"v\": 1, \"origins\": [\"https://…\"]}}: {detail}", detail = detail)
            }
            EmbedProblem::BadOrigin { origin } => tr!(
                "embed.khong-phai-mot-origin-https",
                "«{origin}» không phải một origin (https://tên-miền[:cổng], không có đường dẫn, không có *).",
                origin = origin
            ),
            EmbedProblem::OriginNotAllowed { origin } => {
                tr!("embed.bo-qua-tin-nhan-tu", "Bỏ qua tin nhắn từ {origin}: không có trong embed.json của nơi triển khai.", origin = origin)
            }
            EmbedProblem::NotHoso => tr!("embed.bo-qua-tin-nhan-khong", "Bỏ qua tin nhắn không thuộc giao thức hoso.").into(),
            EmbedProblem::UnknownType { r#type } => {
                tr!("embed.unknown-type", "Loại tin nhắn «{kind}» không có trong giao thức hoso v{v}.", kind = r#type, v = PROTOCOL)
            }
            EmbedProblem::Version { v, supported } => {
                tr!("embed.giao-thuc-v-chua-duoc", "Giao thức v{v} chưa được hỗ trợ; hoso này dùng v{supported}.", v = v, supported = supported)
            }
            EmbedProblem::BadField { field, detail } => {
                tr!("embed.truong-khong-hop-le", "Trường «{field}» không hợp lệ: {detail}", field = field, detail = detail)
            }
            EmbedProblem::UnknownAnswer { key } => {
                tr!("embed.to-khai-cua-thu-tuc", "Tờ khai của thủ tục không có câu hỏi «{key}»; giá trị này không được điền.", key = key)
            }
            EmbedProblem::BadTheme { property } => tr!(
                "embed.khong-ap-dung-giao-dien",
                "Không áp dụng giao diện «{property}»: hoso không có thuộc tính này hoặc giá trị không hợp lệ.",
                property = property
            ),
            EmbedProblem::UnsupportedLocale { locale } => {
                tr!("embed.giao-dien-hoso-chua-co", "Giao diện hoso chưa có ngôn ngữ «{locale}»; dùng tiếng Việt.", locale = locale)
            }
        }
    }
}

impl Config {
    pub fn from_json(text: &str) -> Result<Config, EmbedProblem> {
        let config: Config = serde_json::from_str(text).map_err(|e| EmbedProblem::BadConfig { detail: e.to_string() })?;
        if config.v != 1 {
            return Err(EmbedProblem::BadConfig { detail: format!("v = {}, cần 1", config.v) });
        }
        let origins = config.origins.iter().map(|o| origin(o).ok_or_else(|| EmbedProblem::BadOrigin { origin: o.clone() })).collect::<Result<Vec<_>, _>>()?;
        Ok(Config { v: 1, origins })
    }

    /// Whether a message from `origin` (`MessageEvent.origin`) is listened to: an exact match
    /// of scheme, host and port. An opaque origin (`null`) never is.
    pub fn allows(&self, origin: &str) -> bool {
        self::origin(origin).is_some_and(|o| self.origins.contains(&o))
    }

    /// The `Content-Security-Policy` directive that lets exactly these hosts (and hoso itself)
    /// frame hoso: `frame-ancestors 'self' https://a https://b`.
    pub fn frame_ancestors(&self) -> String {
        std::iter::once("frame-ancestors 'self'".to_string()).chain(self.origins.iter().cloned()).collect::<Vec<_>>().join(" ")
    }
}

/// `text` as an origin in its serialised form (lower-case scheme and host, no default port, no
/// trailing slash), or `None` when it is not one.
pub fn origin(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches('/');
    let (scheme, rest) = text.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    // An IPv6 host is bracketed (`[::1]:8080`); its colons are not the port's.
    let (host, port) = match rest.find(']') {
        Some(end) if rest.starts_with('[') => match &rest[end + 1..] {
            "" => (rest, None),
            after => (&rest[..=end], Some(after.strip_prefix(':')?)),
        },
        _ => match rest.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (rest, None),
        },
    };
    let host = host.to_ascii_lowercase();
    let host_ok = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => !v6.is_empty() && v6.chars().all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.')),
        None => !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-')),
    };
    if !host_ok {
        return None;
    }
    let port = match port {
        None => None,
        Some(p) => {
            let n: u16 = p.parse().ok().filter(|_| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))?;
            let default = if scheme == "https" { 443 } else { 80 };
            (n != default).then_some(n)
        }
    };
    Some(match port {
        Some(n) => format!("{scheme}://{host}:{n}"),
        None => format!("{scheme}://{host}"),
    })
}

/// A host's portal limits for files, in megabytes.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
pub struct PortalLimits {
    pub file_mb: f64,
    pub dossier_mb: f64,
}

/// `hoso:init`: what a host tells hoso before the person starts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Init {
    /// The procedure to open (`1.001193`): hoso starts a dossier for it.
    pub procedure: Option<String>,
    /// Answers the portal already holds, by the form definitions' keys (`yeu-cau.ho-ten`).
    pub prefill: BTreeMap<String, String>,
    pub locale: Option<String>,
    /// CSS custom properties (`--hoso-color-brand`) and their values.
    pub theme: BTreeMap<String, String>,
    pub limits: Option<PortalLimits>,
    /// The agencies' age public keys: the package is sealed to them (checked when it is made).
    pub recipients: Vec<String>,
    /// Newer days-off decisions (the `calendar/decisions.json` shape), installed like the file's.
    pub decisions: Option<serde_json::Value>,
}

/// A message from the host, once its origin is allowed.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    Init(Box<Init>),
}

impl Incoming {
    /// Reads a message's data (the JSON value of `MessageEvent.data`).
    pub fn parse(data: &serde_json::Value) -> Result<Incoming, EmbedProblem> {
        let kind = data.get("type").and_then(serde_json::Value::as_str).filter(|t| t.starts_with("hoso:")).ok_or(EmbedProblem::NotHoso)?;
        if kind != "hoso:init" {
            return Err(EmbedProblem::UnknownType { r#type: kind.to_string() });
        }
        let v =
            data.get("v").and_then(serde_json::Value::as_u64).ok_or_else(|| bad("v", tr!("embed.can-so-phien-ban-giao", "cần số phiên bản giao thức (1)")))?;
        if v != u64::from(PROTOCOL) {
            return Err(EmbedProblem::Version { v, supported: PROTOCOL });
        }
        let text = |field: &str| -> Result<Option<String>, EmbedProblem> {
            match data.get(field) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
                Some(_) => Err(bad(field, tr!("embed.can-mot-chuoi", "cần một chuỗi"))),
            }
        };
        let map = |field: &str| -> Result<BTreeMap<String, String>, EmbedProblem> {
            match data.get(field) {
                None | Some(serde_json::Value::Null) => Ok(BTreeMap::new()),
                Some(serde_json::Value::Object(o)) => o
                    .iter()
                    .map(|(k, v)| match v {
                        serde_json::Value::String(s) => Ok((k.clone(), s.clone())),
                        serde_json::Value::Number(n) => Ok((k.clone(), n.to_string())),
                        _ => Err(bad(&format!("{field}.{k}"), tr!("embed.can-mot-chuoi", "cần một chuỗi"))),
                    })
                    .collect(),
                Some(_) => Err(bad(field, tr!("embed.can-mot-doi-tuong-khoa", "cần một đối tượng JSON (khoá: giá trị)"))),
            }
        };
        let procedure = text("procedure")?;
        if let Some(code) = &procedure {
            if code.len() > 20 || !code.chars().all(|c| c.is_ascii_digit() || c == '.') {
                return Err(bad("procedure", tr!("embed.can-ma-thu-tuc-vi", "cần mã thủ tục, ví dụ 1.001193")));
            }
        }
        let limits = match data.get("limits") {
            None | Some(serde_json::Value::Null) => None,
            Some(l) => {
                let parsed: PortalLimits = serde_json::from_value(l.clone())
                    .map_err(|e| bad("limits", &tr!("embed.can-file-mb-dossier-mb", "cần {{file_mb, dossier_mb}}: {e}", e = e)))?;
                crate::core::files::Limits::from_megabytes(parsed.file_mb, parsed.dossier_mb).map_err(|e| bad("limits", &e.to_string()))?;
                Some(parsed)
            }
        };
        let recipients = match data.get("recipients") {
            None | Some(serde_json::Value::Null) => Vec::new(),
            Some(serde_json::Value::Array(a)) => a
                .iter()
                .map(|r| {
                    r.as_str().map(|s| s.trim().to_string()).ok_or_else(|| bad("recipients", tr!("embed.can-danh-sach-khoa-age1", "cần danh sách khoá age1…")))
                })
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(bad("recipients", tr!("embed.can-danh-sach-khoa-age1", "cần danh sách khoá age1…"))),
        };
        let decisions = match data.get("decisions") {
            None | Some(serde_json::Value::Null) => None,
            Some(d @ serde_json::Value::Object(_)) => Some(d.clone()),
            Some(_) => return Err(bad("decisions", tr!("embed.can-dung-dang-calendar-decisions", "cần đúng dạng calendar/decisions.json"))),
        };
        Ok(Incoming::Init(Box::new(Init { procedure, prefill: map("prefill")?, locale: text("locale")?, theme: map("theme")?, limits, recipients, decisions })))
    }
}

fn bad(field: &str, detail: &str) -> EmbedProblem {
    EmbedProblem::BadField { field: field.to_string(), detail: detail.to_string() }
}

/// The languages hoso's interface is written in (`i18n::Lang`).
pub const LOCALES: &[&str] = &["vi", "en"];

/// The locale hoso uses for a host's wish: the one asked for when hoso has it, else Vietnamese
/// with the refusal to report.
pub fn locale(asked: Option<&str>) -> (&'static str, Option<EmbedProblem>) {
    match asked {
        None => ("vi", None),
        Some(a) => match LOCALES.iter().find(|l| a.eq_ignore_ascii_case(l) || a.to_ascii_lowercase().starts_with(&format!("{l}-"))) {
            Some(l) => (l, None),
            None => ("vi", Some(EmbedProblem::UnsupportedLocale { locale: a.to_string() })),
        },
    }
}

/// The CSS custom properties a portal may set (its colours and type), from `public/hoso.css`.
/// Colours take `#rgb` or `#rrggbb`; the font a list of family names.
pub const THEME_PROPERTIES: &[&str] = &[
    "--hoso-color-brand",
    "--hoso-color-brand-dark",
    "--hoso-color-link",
    "--hoso-color-focus",
    "--hoso-color-text",
    "--hoso-color-bg",
    "--hoso-color-surface",
    "--hoso-font-family",
];

/// The theme properties hoso applies, each value checked, and the ones refused.
pub fn theme(asked: &BTreeMap<String, String>) -> (Vec<(String, String)>, Vec<EmbedProblem>) {
    let mut applied = Vec::new();
    let mut refused = Vec::new();
    for (property, value) in asked {
        let value = value.trim();
        let ok = THEME_PROPERTIES.contains(&property.as_str())
            && if property == "--hoso-font-family" {
                !value.is_empty() && value.len() <= 200 && value.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | ',' | '-' | '"' | '\''))
            } else {
                is_hex_colour(value)
            };
        if ok {
            applied.push((property.clone(), value.to_string()));
        } else {
            refused.push(EmbedProblem::BadTheme { property: property.clone() });
        }
    }
    (applied, refused)
}

fn is_hex_colour(v: &str) -> bool {
    v.strip_prefix('#').is_some_and(|h| matches!(h.len(), 3 | 6) && h.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Who frames hoso when the browser only gives the referrer (Firefox has no
/// `location.ancestorOrigins`): the referrer's origin, unless it is hoso's own (`own`) because
/// hoso loaded itself again in the frame (another language) — then the framer `kept` from the
/// frame's first load. Gives the framer, and the origin to keep for the frame's next load.
pub fn framer(referrer: Option<String>, own: Option<&str>, kept: Option<String>) -> (Option<String>, Option<String>) {
    match referrer {
        Some(r) if Some(r.as_str()) != own => (Some(r.clone()), Some(r)),
        itself => (kept.or(itself), None),
    }
}

/// Whether a dossier of the procedure, still open on this device, is the one to reopen for a
/// portal's `hoso:init` that gives `given` (what the portal knows of the person signed in).
/// Without a prefill, yes (the newest open one). With one, only a dossier the portal filled
/// before with the same values for the questions both name: at a shared computer the next
/// person signed in must never be shown the previous person's dossier, and gets a new one.
/// Decided without the form, which a portal's first message may come before: a prefill the form
/// cannot take at all (keys it lacks, which the portal is told of) starts a new dossier each time.
pub fn reopens(prefilled: Option<&crate::core::dossier::Prefilled>, given: &BTreeMap<String, String>) -> bool {
    let given: Vec<(&String, &String)> = given.iter().filter(|(_, v)| !v.trim().is_empty()).collect();
    if given.is_empty() {
        return true;
    }
    let Some(before) = prefilled else { return false };
    let shared: Vec<_> = given.iter().filter_map(|(k, v)| before.answers.get(*k).map(|b| (b, *v))).collect();
    !shared.is_empty() && shared.iter().all(|(b, v)| crate::core::text::clean(b) == crate::core::text::clean(v))
}

/// What a portal's prefill gives a declaration: the answers with every known, non-empty value
/// (the form's keys, or the items of a repeating section `key#2`), the answers it filled as
/// filled (the declaration says "Cổng dịch vụ công đã điền sẵn" beside them while they stay so),
/// and the keys refused. Answers already typed are never overwritten.
pub fn prefill(form: &FormDef, answers: &Answers, given: &BTreeMap<String, String>) -> (Answers, Answers, Vec<EmbedProblem>) {
    let mut out = answers.clone();
    let (mut filled, mut refused) = (Answers::new(), Vec::new());
    for (key, value) in given {
        let base = key.split_once('#').map_or(key.as_str(), |(b, _)| b);
        if form.field(base).is_none() {
            refused.push(EmbedProblem::UnknownAnswer { key: key.clone() });
            continue;
        }
        let value = crate::core::text::clean(value);
        if value.is_empty() || out.get(key).is_some_and(|v| !v.trim().is_empty()) {
            continue;
        }
        out.insert(key.clone(), value.clone());
        filled.insert(key.clone(), value);
    }
    (out, filled, refused)
}

/// What hoso tells its host. Serialised with `type` (`hoso:ready`…); a `Blob` the message
/// carries (the package) is added by the adapter beside these fields.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum Outgoing {
    /// hoso is running and listens (sent once, to the allowed host that frames it).
    #[serde(rename = "hoso:ready")]
    Ready { v: u32, locales: Vec<String> },
    /// The height of hoso's content in CSS pixels: the host sizes the iframe to it.
    #[serde(rename = "hoso:resize")]
    Resize { height: u32 },
    /// A draft was saved on the device (nothing of its content is sent).
    #[serde(rename = "hoso:draft-saved")]
    DraftSaved { dossier: String, procedure: String, saved_at: String },
    /// Drafts cannot be saved on the device (`problem.kind`: `unavailable`, storage refused, as in a
    /// frame of another site in a browser that blocks its storage; `write_refused`, the device is
    /// full): what the person types stays only on the page. Told once, not at each save, until a
    /// save works again ([`SaveNews`]); nothing of the dossier's content is sent.
    #[serde(rename = "hoso:draft-not-saved")]
    DraftNotSaved { dossier: String, procedure: String, problem: StoreError, message: String },
    /// The submission package was made; the adapter adds `blob`.
    #[serde(rename = "hoso:package-ready")]
    PackageReady { dossier: String, procedure: String, name: String, size: u64, sha256: String, sealed: bool },
    /// The person rated the service.
    #[serde(rename = "hoso:rating")]
    Rating { dossier: String, procedure: String, rating: crate::core::rating::Rating },
    /// The person is done with hoso (pressed "Quay lại cổng dịch vụ công").
    #[serde(rename = "hoso:closed")]
    Closed { reason: String },
    /// A message from the host was refused (or partly applied).
    #[serde(rename = "hoso:error")]
    Error { problem: EmbedProblem, message: String },
}

impl Outgoing {
    pub fn error(problem: EmbedProblem) -> Outgoing {
        let message = problem.message();
        Outgoing::Error { problem, message }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a message is plain data")
    }
}

/// What a host is told of the drafts' saves: every save that worked, and a failure once until a
/// save works again or the failure is another (a person typing in a browser that keeps nothing
/// would otherwise send one at each pause).
#[derive(Clone, Debug, Default)]
pub struct SaveNews {
    failing: Option<StoreError>,
}

impl SaveNews {
    pub fn saved(&mut self, dossier: &str, saved_at: String) -> Outgoing {
        self.failing = None;
        Outgoing::DraftSaved { dossier: dossier.to_string(), procedure: procedure_of(dossier).to_string(), saved_at }
    }

    pub fn failed(&mut self, dossier: &str, problem: StoreError) -> Option<Outgoing> {
        if self.failing.replace(problem) == Some(problem) {
            return None;
        }
        Some(Outgoing::DraftNotSaved { dossier: dossier.to_string(), procedure: procedure_of(dossier).to_string(), problem, message: problem.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn config() -> Config {
        Config::from_json(r#"{"v":1,"origins":["https://dichvucong.gov.vn","https://dichvucong.hanoi.gov.vn/","http://127.0.0.1:8091"]}"#).unwrap()
    }

    #[test]
    fn only_the_listed_origins_may_talk_to_hoso() {
        let c = config();
        assert!(c.allows("https://dichvucong.gov.vn"));
        assert!(c.allows("https://dichvucong.hanoi.gov.vn"), "a trailing slash in the file is not part of the origin");
        assert!(c.allows("HTTPS://DichVuCong.gov.vn:443"), "the same origin written otherwise");
        assert!(c.allows("http://127.0.0.1:8091"));
        for other in ["http://dichvucong.gov.vn", "https://evil.dichvucong.gov.vn", "https://dichvucong.gov.vn.evil.com", "http://127.0.0.1:8092", "null", ""] {
            assert!(!c.allows(other), "{other}");
        }
        assert_eq!(origin("http://[::1]:8091/").as_deref(), Some("http://[::1]:8091"));
        assert_eq!(origin("https://[::1]").as_deref(), Some("https://[::1]"));
        assert_eq!(origin("https://[::1]x"), None);
    }

    #[test]
    fn an_allow_list_entry_must_be_an_origin() {
        for bad in ["https://*.gov.vn", "https://dichvucong.gov.vn/portal", "dichvucong.gov.vn", "null", "ftp://x.vn", "https://x.vn:99999"] {
            let text = json!({"v": 1, "origins": [bad]}).to_string();
            assert!(matches!(Config::from_json(&text), Err(EmbedProblem::BadOrigin { .. })), "{bad}");
        }
        assert!(matches!(Config::from_json(r#"{"v":2,"origins":[]}"#), Err(EmbedProblem::BadConfig { .. })));
    }

    #[test]
    fn the_frame_ancestors_header_names_the_same_origins() {
        assert_eq!(config().frame_ancestors(), "frame-ancestors 'self' https://dichvucong.gov.vn https://dichvucong.hanoi.gov.vn http://127.0.0.1:8091");
        assert_eq!(Config::default().frame_ancestors(), "frame-ancestors 'self'");
    }

    #[test]
    fn init_is_read_with_every_field() {
        let m = json!({
            "type": "hoso:init", "v": 1, "procedure": "2.000815",
            "prefill": {"yeu-cau.ho-ten": "Nguyễn Văn An", "yeu-cau.so-trang": 2},
            "locale": "vi", "theme": {"--hoso-color-brand": "#c00"},
            "limits": {"file_mb": 5, "dossier_mb": 20}, "recipients": ["age1abc"],
        });
        let Incoming::Init(init) = Incoming::parse(&m).unwrap();
        assert_eq!(init.procedure.as_deref(), Some("2.000815"));
        assert_eq!(init.prefill["yeu-cau.so-trang"], "2", "a number is taken as the text a person would type");
        assert_eq!(init.limits, Some(PortalLimits { file_mb: 5.0, dossier_mb: 20.0 }));
        assert_eq!(init.recipients, vec!["age1abc".to_string()]);
    }

    #[test]
    fn a_wrong_message_is_refused_with_its_reason() {
        assert_eq!(Incoming::parse(&json!({"type": "other"})), Err(EmbedProblem::NotHoso));
        assert_eq!(Incoming::parse(&json!("hello")), Err(EmbedProblem::NotHoso));
        assert_eq!(Incoming::parse(&json!({"type": "hoso:ready", "v": 1})), Err(EmbedProblem::UnknownType { r#type: "hoso:ready".into() }));
        assert_eq!(Incoming::parse(&json!({"type": "hoso:init", "v": 2})), Err(EmbedProblem::Version { v: 2, supported: 1 }));
        assert!(matches!(Incoming::parse(&json!({"type": "hoso:init"})), Err(EmbedProblem::BadField { field, .. }) if field == "v"));
        assert!(
            matches!(Incoming::parse(&json!({"type": "hoso:init", "v": 1, "procedure": "../x"})), Err(EmbedProblem::BadField { field, .. }) if field == "procedure")
        );
        assert!(
            matches!(Incoming::parse(&json!({"type": "hoso:init", "v": 1, "limits": {"file_mb": 60, "dossier_mb": 50}})), Err(EmbedProblem::BadField { field, .. }) if field == "limits")
        );
        assert!(
            matches!(Incoming::parse(&json!({"type": "hoso:init", "v": 1, "prefill": {"a": {"b": 1}}})), Err(EmbedProblem::BadField { field, .. }) if field == "prefill.a")
        );
    }

    #[test]
    fn a_frame_that_loaded_itself_again_keeps_its_framer() {
        let (hoso, portal) = ("https://hoso.gov.vn", "https://dichvucong.gov.vn");
        assert_eq!(framer(Some(portal.into()), Some(hoso), None), (Some(portal.into()), Some(portal.into())), "first load: the portal, kept");
        assert_eq!(framer(Some(hoso.into()), Some(hoso), Some(portal.into())), (Some(portal.into()), None), "reloaded in English: still the portal");
        assert_eq!(framer(Some(hoso.into()), Some(hoso), None), (Some(hoso.into()), None), "framed by a page of hoso's own origin");
        assert_eq!(framer(None, Some(hoso), None), (None, None));
    }

    #[test]
    fn a_portal_session_reopens_only_the_same_person_s_dossier() {
        let person = |name: &str| BTreeMap::from([("yeu-cau.ho-ten".to_string(), name.to_string())]);
        let filled = |name: &str| crate::core::dossier::Prefilled { by: "https://dichvucong.gov.vn".into(), answers: person(name) };
        let an = filled("Nguyễn Văn An");
        assert!(reopens(Some(&an), &person("Nguyễn Văn An")), "the same person signed in again");
        assert!(!reopens(Some(&an), &person("Trần Thị Bình")), "the next person at a shared computer");
        assert!(!reopens(None, &person("Trần Thị Bình")), "a dossier the portal never filled is not given to whoever signs in");
        assert!(reopens(Some(&an), &BTreeMap::new()) && reopens(None, &BTreeMap::new()), "without a prefill, the newest open dossier");
        let other_question = BTreeMap::from([("yeu-cau.so-ban".to_string(), "2".to_string())]);
        assert!(!reopens(Some(&an), &other_question), "nothing in common: a new dossier");
    }

    #[test]
    fn prefill_fills_known_empty_answers_and_never_overwrites_what_was_typed() {
        let form = crate::core::forms::form_for("2.000815").expect("the certification form is built in");
        let typed: Answers = [("yeu-cau.giay-to".to_string(), "Học bạ".to_string())].into();
        let given: BTreeMap<String, String> =
            [("yeu-cau.ho-ten", "  nguyễn  văn an "), ("yeu-cau.giay-to", "Bằng tốt nghiệp"), ("khong-co.truong", "x"), ("yeu-cau.so-trang", "")]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
        let (answers, filled, refused) = prefill(form, &typed, &given);
        assert_eq!(answers["yeu-cau.ho-ten"], "nguyễn văn an", "spaces cleaned; the declaration's own checks judge the rest");
        assert_eq!(answers["yeu-cau.giay-to"], "Học bạ", "what the person typed stays");
        assert!(!answers.contains_key("yeu-cau.so-trang"), "an empty value fills nothing");
        assert_eq!(filled.keys().collect::<Vec<_>>(), ["yeu-cau.ho-ten"]);
        assert_eq!(refused, vec![EmbedProblem::UnknownAnswer { key: "khong-co.truong".into() }]);
    }

    #[test]
    fn a_portal_may_set_its_colours_and_font_but_nothing_else() {
        let asked: BTreeMap<String, String> = [
            ("--hoso-color-brand", "#9b1c1c"),
            ("--hoso-color-link", "red; background:url(x)"),
            ("--hoso-font-family", "Roboto, \"Noto Sans\", sans-serif"),
            ("--hoso-max-width", "10px"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let (applied, refused) = theme(&asked);
        assert_eq!(applied, vec![("--hoso-color-brand".into(), "#9b1c1c".into()), ("--hoso-font-family".into(), "Roboto, \"Noto Sans\", sans-serif".into())]);
        assert_eq!(refused.len(), 2);
    }

    #[test]
    fn a_language_hoso_has_not_is_reported_and_vietnamese_used() {
        assert_eq!(locale(Some("vi-VN")), ("vi", None));
        assert_eq!(locale(Some("en-GB")), ("en", None));
        assert_eq!(locale(Some("fr")), ("vi", Some(EmbedProblem::UnsupportedLocale { locale: "fr".into() })));
        // Every locale offered is a language the interface has.
        assert!(LOCALES.iter().all(|l| crate::core::i18n::Lang::from_tag(l).is_some_and(|lang| lang.tag() == *l)));
    }

    #[test]
    fn messages_carry_their_protocol_type() {
        let m: serde_json::Value = serde_json::from_str(&Outgoing::Resize { height: 812 }.to_json()).unwrap();
        assert_eq!(m, json!({"type": "hoso:resize", "height": 812}));
        let e: serde_json::Value = serde_json::from_str(&Outgoing::error(EmbedProblem::Version { v: 2, supported: 1 }).to_json()).unwrap();
        assert_eq!(e["type"], "hoso:error");
        assert_eq!(e["problem"]["kind"], "version");
    }

    #[test]
    fn a_portal_hears_of_a_failing_save_once_until_saving_works_again() {
        let mut news = SaveNews::default();
        let told = |m: Option<Outgoing>| m.map(|m| serde_json::from_str::<serde_json::Value>(&m.to_json()).unwrap());
        // A frame whose browser keeps nothing: the first failed save is told, with its kind and
        // the sentence the person sees, and no answer of the dossier.
        let first = told(news.failed("1.001193-2", StoreError::Unavailable)).expect("the first failure is told");
        assert_eq!(first["type"], "hoso:draft-not-saved");
        assert_eq!((first["dossier"].as_str(), first["procedure"].as_str()), (Some("1.001193-2"), Some("1.001193")));
        assert_eq!(first["problem"], json!({"kind": "unavailable"}));
        assert_eq!(first["message"], StoreError::Unavailable.to_string());
        assert_eq!(first.as_object().unwrap().len(), 5, "type, dossier, procedure, problem, message: nothing else");
        // The person goes on typing: each pause's save fails the same way, and is not told again.
        assert!(news.failed("1.001193-2", StoreError::Unavailable).is_none());
        assert!(news.failed("1.001193-2", StoreError::Unavailable).is_none());
        // Another failure is news: the device is now full.
        let full = told(news.failed("1.001193-2", StoreError::WriteRefused)).expect("a new kind is told");
        assert_eq!(full["problem"]["kind"], "write_refused");
        // A save works (room was made): told as saved, and a later failure is told again.
        let saved = told(Some(news.saved("1.001193-2", "2026-12-07T10:02:00+07:00".into()))).unwrap();
        assert_eq!(saved["type"], "hoso:draft-saved");
        assert!(news.failed("1.001193-2", StoreError::WriteRefused).is_some());
    }
}
