//! Read aloud through the browser's speech (Web Speech API). `core::speech` decides what is read
//! and in which pieces; this finds a voice of the text's language (Vietnamese, or English for the
//! interface in English) and queues one utterance per piece, so the
//! engine reads one sentence at a time (Chromium stops a long utterance part-way).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::i18n::Lang;
use crate::core::speech::SpeechProblem;

fn synth() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    // Absent in some browsers (and in a few embedded web views): the property is undefined.
    let has = js_sys::Reflect::has(window.as_ref(), &JsValue::from_str("speechSynthesis")).unwrap_or(false);
    if !has {
        return None;
    }
    window.speech_synthesis().ok()
}

/// The device's voice for `lang` (a voice on the device before one over the network). Chromium
/// lists its voices a moment after the page starts: an empty list is asked again once they change
/// (at most a second).
pub async fn voice(lang: Lang) -> Result<web_sys::SpeechSynthesisVoice, SpeechProblem> {
    let synth = synth().ok_or(SpeechProblem::NoSpeech)?;
    if synth.get_voices().length() == 0 {
        let changed = js_sys::Promise::new(&mut |resolve, _| {
            synth.set_onvoiceschanged(Some(&resolve));
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1000);
            }
        });
        let _ = JsFuture::from(changed).await;
        synth.set_onvoiceschanged(None);
    }
    let voices: Vec<web_sys::SpeechSynthesisVoice> = synth.get_voices().iter().map(JsCast::unchecked_into).collect();
    let speaks = |v: &&web_sys::SpeechSynthesisVoice| Lang::from_tag(&v.lang()) == Some(lang);
    voices.iter().filter(speaks).find(|v| v.local_service()).or_else(|| voices.iter().find(speaks)).cloned().ok_or(SpeechProblem::no_voice(lang))
}

/// Reads `pieces` (written in `lang`) aloud, one utterance each, after stopping whatever was
/// being read.
pub async fn speak(pieces: Vec<String>, lang: Lang) -> Result<(), SpeechProblem> {
    let voice = voice(lang).await?;
    let synth = synth().ok_or(SpeechProblem::NoSpeech)?;
    synth.cancel();
    for piece in pieces {
        let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(&piece) else { return Err(SpeechProblem::NoSpeech) };
        utterance.set_lang(&voice.lang());
        utterance.set_voice(Some(&voice));
        synth.speak(&utterance);
    }
    Ok(())
}
