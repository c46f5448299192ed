//! `hoso embed …`: for a portal embedding hoso. The header its server sends with `index.html`,
//! and a `hoso:init` message checked as hoso will read it, before any person sees it.

use std::io::Read;

use crate::args::Args;
use crate::Failure;
use hoso::core::embed::{self, Config, Incoming};
use hoso::core::forms::{form_of, Answers};
use serde_json::json;

pub const HELP: &str = "\
  embed header FILE              Tiêu đề Content-Security-Policy (frame-ancestors) khớp với embed.json FILE
  embed init [FILE]              Kiểm tra tin nhắn hoso:init (JSON trong FILE hoặc trên stdin) như hoso sẽ đọc:
                                 câu trả lời điền sẵn, giao diện, ngôn ngữ, khoá; mã thoát 1 khi có phần bị từ chối
";

pub fn run(args: &mut Args) -> Result<(), Failure> {
    match args.next_positional().as_deref() {
        Some("header") => header(args),
        Some("init") => init(args),
        Some(other) => Err(Failure::Usage(format!("không có lệnh `embed {other}`; dùng `embed header FILE` hoặc `embed init [FILE]`"))),
        None => Err(Failure::Usage("thiếu lệnh con: `embed header FILE` hoặc `embed init [FILE]`".into())),
    }
}

fn header(args: &mut Args) -> Result<(), Failure> {
    let path = args.next_positional().ok_or_else(|| Failure::Usage("thiếu tệp embed.json, ví dụ: hoso embed header public/embed.json".into()))?;
    args.finish()?;
    let text = std::fs::read_to_string(&path).map_err(|e| Failure::Request(format!("Không đọc được {path}: {e}")))?;
    let config = Config::from_json(&text).map_err(|p| Failure::Request(p.message()))?;
    println!("{}", json!({"origins": config.origins, "header": "Content-Security-Policy", "value": config.frame_ancestors()}));
    Ok(())
}

fn init(args: &mut Args) -> Result<(), Failure> {
    let path = args.next_positional();
    args.finish()?;
    let text = match &path {
        Some(p) if p != "-" => std::fs::read_to_string(p).map_err(|e| Failure::Request(format!("Không đọc được {p}: {e}")))?,
        _ => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map_err(|e| Failure::Request(format!("Không đọc được dữ liệu vào: {e}")))?;
            s
        }
    };
    let data: serde_json::Value = serde_json::from_str(&text).map_err(|e| Failure::Request(format!("Tin nhắn không phải JSON: {e}")))?;
    let Incoming::Init(init) = Incoming::parse(&data).map_err(|p| Failure::Request(p.message()))?;
    let mut refused = Vec::new();
    let (locale, problem) = embed::locale(init.locale.as_deref());
    refused.extend(problem);
    let (theme, theme_refused) = embed::theme(&init.theme);
    refused.extend(theme_refused);
    let mut filled = Answers::new();
    match &init.procedure {
        Some(code) => {
            let form = form_of(code, code);
            let (_, f, r) = embed::prefill(&form, &Answers::new(), &init.prefill);
            filled = f;
            refused.extend(r);
        }
        None if !init.prefill.is_empty() => refused
            .push(embed::EmbedProblem::BadField { field: "prefill".into(), detail: "cần «procedure» để biết tờ khai nào được điền".into() }),
        None => {}
    }
    if !init.recipients.is_empty() {
        if let Err(p) = hoso::core::package::seal::recipients(&init.recipients.join("\n")) {
            refused.push(embed::EmbedProblem::BadField { field: "recipients".into(), detail: p.message() });
        }
    }
    if let Some(d) = &init.decisions {
        if let Err(p) = hoso::core::calendar::holidays::install_decisions(&d.to_string()) {
            refused.push(embed::EmbedProblem::BadField { field: "decisions".into(), detail: p.message() });
        }
    }
    let messages: Vec<String> = refused.iter().map(embed::EmbedProblem::message).collect();
    println!(
        "{}",
        json!({
            "procedure": init.procedure,
            "locale": locale,
            "prefill": filled,
            "theme": theme.into_iter().collect::<std::collections::BTreeMap<_, _>>(),
            "recipients": init.recipients,
            "limits": init.limits.map(|l| json!({"file_mb": l.file_mb, "dossier_mb": l.dossier_mb})),
            "decisions": init.decisions.is_some(),
            "refused": refused.iter().zip(&messages).map(|(p, m)| {
                let mut v = serde_json::to_value(p).unwrap_or_default();
                v["message"] = json!(m);
                v
            }).collect::<Vec<_>>(),
        })
    );
    if refused.is_empty() {
        Ok(())
    } else {
        Err(Failure::Request(messages.join("\n")))
    }
}
