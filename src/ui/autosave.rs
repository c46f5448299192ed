//! Drafts kept as the person types: the dossiers stored on this device are put back into
//! `state::Dossiers` before any dossier page shows (`restored`), and a section's answers are saved
//! (`web::drafts`) 400 ms after the last change, at once when the page is hidden (a tab switched
//! away, a phone locked), and again when the person goes on. A page closed or reloaded within
//! those 400 ms may lose the last keystrokes: the browser aborts a transaction still running when
//! its page goes (the write is issued on `pagehide` all the same).
//!
//! The attached files are kept too: each save of a dossier carries its files (their `Blob`s go
//! to the device's file store once, by SHA-256; files no dossier needs any more are deleted in
//! the same transaction, `core::dossier::files_to_store`), and the restore puts them back in
//! `state::Attachments` and `web::files`' store. The dossier page saves when its files change.

use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::prelude::*;

use crate::core::dossier::Dossier;
use crate::core::forms::Answers;
use crate::web::drafts::StoreError;

/// After the last keystroke, how long to wait before saving.
const QUIET_MS: u64 = 400;

/// What the last save did, for the "Đã lưu" line.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Idle,
    Saving,
    /// Saved at this time of day (minutes since midnight, Vietnam time).
    Saved(u16),
    Failed(StoreError),
    /// "Không lưu trên máy này": kept in this page only, until it is closed.
    MemoryOnly,
    /// Another tab saved this dossier since this page read it: this page saves it no more
    /// (it would overwrite that tab's work) until it is reloaded.
    Elsewhere,
}

/// The drafts of this page's life: the stored dossiers by id (`core::dossier::new_id`; for their start time),
/// the restore, and the status of the last save.
#[derive(Clone, Copy)]
pub struct Drafts {
    stored: StoredValue<BTreeMap<String, Dossier>>,
    /// The files in the device's file store, by SHA-256.
    stored_files: StoredValue<std::collections::BTreeSet<String>>,
    dossiers: crate::ui::state::Dossiers,
    attachments: crate::ui::state::Attachments,
    restored: LocalResource<()>,
    /// Where the person is in each dossier this page showed (`at_step`), for a dossier not yet saved.
    steps: StoredValue<BTreeMap<String, Option<String>>>,
    /// Set when another tab ended the session: this page saves nothing any more.
    off: StoredValue<bool>,
    /// The dossiers another tab saved since this page read them: not saved from this page.
    elsewhere: StoredValue<std::collections::BTreeSet<String>>,
    pub status: RwSignal<SaveStatus>,
    /// "Không lưu trên máy này", chosen for this session (`web::device::memory_only`).
    pub memory_only: RwSignal<bool>,
    /// The drafts deleted at this start for being untouched too long: procedure code, last change.
    pub expired: RwSignal<Vec<(String, String)>>,
    /// The save waiting for the person to stop typing.
    pending: StoredValue<Option<Pending>, LocalStorage>,
    /// What the host portal has been told of the saves (a failure once).
    news: StoredValue<crate::core::embed::SaveNews>,
}

/// A save waiting for its timer, and the save itself (to run it sooner).
type Pending = (TimeoutHandle, Rc<dyn Fn()>);

/// Starts restoring the stored drafts into `dossiers`; every dossier page waits for it.
pub fn provide(dossiers: crate::ui::state::Dossiers, attachments: crate::ui::state::Attachments) {
    let stored = StoredValue::new(BTreeMap::new());
    let stored_files = StoredValue::new(std::collections::BTreeSet::new());
    let status = RwSignal::new(SaveStatus::Idle);
    let expired = RwSignal::new(Vec::new());
    let restored = LocalResource::new(move || async move {
        crate::web::clock::mark("hoso-mo-lai-bat-dau");
        let found = crate::web::drafts::load_all().await;
        let files = crate::web::drafts::load_files().await;
        match (found, files) {
            (Ok(found), Ok(files)) => {
                for (hash, blob) in &files {
                    crate::web::files::keep(hash, blob);
                }
                stored_files.update_value(|s| s.extend(files.into_iter().map(|(hash, _)| hash)));
                // A record that cannot be read (damaged, or from a newer hoso) is left where it is.
                let (old, found): (Vec<Dossier>, Vec<Dossier>) = {
                    let (now, days) = (crate::web::clock::now(), crate::web::device::keep_days());
                    found.into_iter().filter_map(Result::ok).partition(|d| d.expired(now, days))
                };
                // Drafts nobody touched for the days kept are deleted, and the person is told.
                if !old.is_empty() {
                    let gone = stored_files.with_value(|s| crate::core::dossier::files_unneeded(&found.iter().collect::<Vec<_>>(), s));
                    for (i, d) in old.iter().enumerate() {
                        // The files go with the last deletion (one transaction each).
                        let _ = crate::web::drafts::remove(&d.id, if i + 1 == old.len() { gone.clone() } else { Vec::new() }).await;
                    }
                    stored_files.update_value(|s| s.retain(|h| !gone.contains(h)));
                    expired.set(old.iter().map(|d| (d.procedure.clone(), d.changed.clone())).collect());
                }
                let found = rekeyed(found).await;
                // What this page holds already (typed before the restore ended) wins.
                dossiers.0.update(|d| {
                    for dossier in &found {
                        d.entry(dossier.id.clone()).or_insert_with(|| dossier.answers.clone());
                    }
                });
                attachments.0.update(|a| {
                    for dossier in &found {
                        // Only files whose bytes came back: a list never names a file that is not there.
                        let complete = dossier.file_hashes().iter().all(|h| crate::web::files::blob(h).is_some());
                        if complete && !dossier.attachments.is_empty() {
                            a.entry(dossier.id.clone()).or_insert_with(|| dossier.attachments.clone());
                        }
                    }
                });
                stored.update_value(|s| s.extend(found.into_iter().map(|d| (d.id.clone(), d))));
                crate::web::clock::measure("hoso-mo-lai", "hoso-mo-lai-bat-dau");
            }
            (Err(e), _) | (_, Err(e)) => status.set(SaveStatus::Failed(e)),
        }
    });
    let drafts = Drafts {
        stored,
        stored_files,
        dossiers,
        attachments,
        restored,
        steps: StoredValue::new(BTreeMap::new()),
        off: StoredValue::new(false),
        elsewhere: StoredValue::new(Default::default()),
        status,
        memory_only: RwSignal::new(crate::web::device::memory_only()),
        expired,
        pending: StoredValue::new_local(None),
        news: StoredValue::new(Default::default()),
    };
    provide_context(drafts);
    // Another tab ended the session: this one forgets too, saves nothing back, and leaves the page
    // it was on (nothing of the person stays on screen).
    crate::web::device::on_tab_news(move |news| match news {
        crate::web::device::TabNews::SessionEnded => {
            drafts.off.set_value(true);
            drafts.forget();
            crate::web::files::forget_all();
            let _ = window().location().replace(&crate::web::base::path("/"));
        }
        // Another tab saved a dossier this page holds: this copy is older; saving it would
        // overwrite that tab's work.
        // (Also when this page has not touched it yet: what it read at its start is older.)
        crate::web::device::TabNews::Saved(id) => {
            let shown = window()
                .location()
                .pathname()
                .map(|p| crate::web::base::app_path(&p))
                .is_ok_and(|p| p == format!("/ho-so/{id}") || p.starts_with(&format!("/ho-so/{id}/")));
            if shown || drafts.holds(&id) {
                drafts.status.set(SaveStatus::Elsewhere);
            }
            drafts.elsewhere.update_value(|e| {
                e.insert(id);
            });
        }
    });
    // Kept in this page only: closing it loses the dossier, so the browser asks first.
    std::mem::forget(window_event_listener(leptos::ev::beforeunload, move |e| {
        if drafts.memory_only.get_untracked() && !drafts.ids_untracked().is_empty() {
            e.prevent_default();
            e.set_return_value(tr!("autosave.ho-so-chua-duoc-luu", "Hồ sơ chưa được lưu trên máy này."));
        }
    }));
    // Hidden or leaving: save now what is waiting (the write is issued before the page goes).
    let flush = move || drafts.flush();
    std::mem::forget(window_event_listener(leptos::ev::pagehide, move |_| flush()));
    std::mem::forget(window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            flush();
        }
    }));
}

/// Dossiers whose id is not one hoso gives (`core::dossier::id_fits`: a record from an early or
/// foreign copy) are stored again under a new id, so their address leads to their procedure.
async fn rekeyed(found: Vec<Dossier>) -> Vec<Dossier> {
    let mut taken: Vec<String> = found.iter().filter(|d| crate::core::dossier::id_fits(&d.id, &d.procedure)).map(|d| d.id.clone()).collect();
    let mut out = Vec::with_capacity(found.len());
    for mut d in found {
        if !crate::core::dossier::id_fits(&d.id, &d.procedure) {
            let old = std::mem::replace(&mut d.id, crate::core::dossier::new_id(&d.procedure, taken.iter().map(String::as_str)));
            taken.push(d.id.clone());
            if crate::web::drafts::save(&d, Vec::new(), Vec::new()).await.is_ok() {
                let _ = crate::web::drafts::remove(&old, Vec::new()).await;
            }
        }
        out.push(d);
    }
    out
}

pub fn use_drafts() -> Drafts {
    expect_context::<Drafts>()
}

impl Drafts {
    /// Resolves once the stored drafts are back in `Dossiers`.
    pub async fn restored(self) {
        self.restored.await;
    }

    /// Saves `answers` for the dossier `id` after `QUIET_MS` without another call.
    /// Until then the line says "Đang lưu…": nothing reads "Đã lưu" while a change is not stored.
    /// `answers` gives `None` when the page that asked is gone (its answers were saved on leaving).
    pub fn save_soon(self, id: String, answers: impl Fn() -> Option<Answers> + 'static) {
        self.status.set(SaveStatus::Saving);
        let save: Rc<dyn Fn()> = Rc::new(move || {
            if let Some(answers) = answers() {
                self.save_now(id.clone(), answers);
            }
        });
        if let Ok(handle) = set_timeout_with_handle(move || self.flush(), std::time::Duration::from_millis(QUIET_MS)) {
            if let Some((earlier, _)) = self.pending.try_update_value(|p| p.replace((handle, save))).flatten() {
                earlier.clear();
            }
        }
    }

    /// The stored dossier `id`, or a new one (not stored yet) for the procedure its id names.
    fn stored_or_new(self, id: &str) -> Dossier {
        self.stored.with_value(|s| s.get(id).cloned()).unwrap_or_else(|| {
            let catalogue_version = crate::core::catalogue::known::VERSION.to_string();
            Dossier::new(id.into(), crate::core::dossier::procedure_of(id).into(), catalogue_version, crate::web::clock::now())
        })
    }

    /// The dossier `id` as it stands: the stored one (its start, its last change, the catalogue
    /// it began on, the channel chosen) with these answers and files; the last change is now when
    /// the answers differ from what was stored.
    pub fn current(self, id: &str, answers: Answers, attachments: crate::core::checklist::Attached) -> Dossier {
        let mut d = self.stored_or_new(id);
        if d.answers != answers {
            d.touch(crate::web::clock::now());
        }
        d.answers = answers;
        d.attachments = attachments;
        d
    }

    /// Saves the dossier `id` as it stands in this page (its answers and files): the dossier
    /// page calls it when its files change.
    pub fn save_dossier(self, id: String) {
        self.flush();
        let answers = self.dossiers.0.with_untracked(|d| d.get(&id).cloned().unwrap_or_default());
        self.save_now(id, answers);
    }

    /// Ends the session on this device: forgets what this page holds (answers, files, the save
    /// waiting) and removes everything hoso stored (`web::device::end_session`).
    pub async fn end_session(self, keep: &[&str]) -> Result<crate::web::device::Removed, crate::web::drafts::StoreError> {
        self.forget();
        crate::web::device::end_session(keep).await
    }

    /// Drops the save waiting for the person to stop typing, if any.
    fn cancel_pending(self) {
        if let Some((handle, _)) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// Forgets what this page holds, and the save waiting.
    fn forget(self) {
        self.cancel_pending();
        self.dossiers.0.set(Default::default());
        self.attachments.0.set(Default::default());
        self.stored.update_value(BTreeMap::clear);
        self.stored_files.update_value(std::collections::BTreeSet::clear);
        self.status.set(SaveStatus::Idle);
    }

    /// Notes where the person is in the dossier `id` (a route under `/ho-so/<id>/`, empty for the
    /// task list), kept with the dossier's next save: "Làm tiếp" returns there.
    pub fn at_step(self, id: &str, step: &str) {
        let step = (!step.is_empty()).then(|| step.to_string());
        self.steps.update_value(|s| {
            s.insert(id.to_string(), step.clone());
        });
        self.stored.update_value(|s| {
            if let Some(d) = s.get_mut(id) {
                d.step = step;
            }
        });
    }

    /// How the person means to submit the dossier `id` (its time limit and fee follow), once chosen.
    pub fn channel(self, id: &str) -> Option<crate::core::catalogue::Mode> {
        self.stored.with_value(|s| s.get(id).and_then(|d| d.channel))
    }

    /// What the person recorded after submitting the dossier `id`.
    pub fn submission(self, id: &str) -> Option<crate::core::submission::Submission> {
        self.stored.with_value(|s| s.get(id).and_then(|d| d.submission.clone()))
    }

    /// Records what the person says of the submitted dossier `id` (codes, receipt, what happened
    /// since), and saves it.
    pub fn record_submission(self, id: String, submission: crate::core::submission::Submission) {
        self.change(id, |d| {
            d.submission = Some(submission);
            d.touch(crate::web::clock::now());
        });
    }

    /// The answers a portal filled in the dossier `id` (`core::embed::prefill`).
    pub fn prefilled(self, id: &str) -> Option<crate::core::dossier::Prefilled> {
        self.stored.with_value(|s| s.get(id).and_then(|d| d.prefilled.clone()))
    }

    /// Fills the dossier `id`'s empty answers with what the portal at `by` gave, records which,
    /// and saves it. Gives the keys the form does not have (for the portal).
    pub fn take_prefill(
        self,
        id: &str,
        form: &crate::core::forms::FormDef,
        by: &str,
        given: &std::collections::BTreeMap<String, String>,
    ) -> Vec<crate::core::embed::EmbedProblem> {
        self.flush();
        let now = self.latest(id);
        let (answers, filled, refused) = crate::core::embed::prefill(form, &now.answers, given);
        if filled.is_empty() {
            return refused;
        }
        let mut d = self.stored_or_new(id);
        let mut record = d.prefilled.take().unwrap_or_default();
        record.by = by.to_string();
        record.answers.extend(filled);
        d.prefilled = Some(record);
        self.stored.update_value(|s| {
            s.insert(id.to_string(), d);
        });
        self.dossiers.0.update(|all| {
            all.insert(id.to_string(), answers.clone());
        });
        self.save_now(id.to_string(), answers);
        refused
    }

    /// How the person rated the service for the dossier `id`.
    pub fn rating(self, id: &str) -> Option<crate::core::rating::Rating> {
        self.stored.with_value(|s| s.get(id).and_then(|d| d.rating.clone()))
    }

    /// Keeps the person's rating with the dossier `id`, and saves it.
    pub fn rate(self, id: String, rating: crate::core::rating::Rating) {
        self.change(id, |d| d.rating = Some(rating));
    }

    /// Who helped with the dossier `id`, with the resident's consent.
    pub fn assisted(self, id: &str) -> Option<crate::core::assist::Assisted> {
        self.stored.with_value(|s| s.get(id).and_then(|d| d.assisted.clone()))
    }

    /// Records the officer's help with the dossier `id` (the resident agreed), or takes it back.
    pub fn assist(self, id: String, assisted: Option<crate::core::assist::Assisted>) {
        self.change(id, |d| d.assisted = assisted);
    }

    /// Keeps with the dossier `id` the package just made of it (`made`: the dossier as packed), and
    /// saves it: the desk's queue says "Đã xuất gói" while nothing changes.
    pub fn record_export(self, id: String, mut made: Dossier, name: &str, sha256: &str) {
        made.record_export(crate::web::clock::now(), name, sha256);
        self.change(id, |d| d.exported = made.exported);
    }

    /// Records how the person means to submit the dossier `id`, and saves it.
    pub fn choose_channel(self, id: String, channel: crate::core::catalogue::Mode) {
        self.change(id, |d| d.channel = Some(channel));
    }

    /// Changes the stored dossier `id` (or a new one) beside its answers, and saves it.
    fn change(self, id: String, f: impl FnOnce(&mut Dossier)) {
        let mut d = self.stored_or_new(&id);
        f(&mut d);
        self.stored.update_value(|s| {
            s.insert(id.clone(), d);
        });
        self.save_dossier(id);
    }

    /// What changed in procedure `p` and its declaration `form` since the person last looked at
    /// them for their dossier `id` (empty when nothing did, or there is no dossier yet).
    pub fn changes_since(
        self,
        id: &str,
        p: &crate::core::catalogue::Procedure,
        form: &crate::core::forms::FormRef,
    ) -> Vec<crate::core::dossier::ProcedureChange> {
        let now = crate::core::dossier::Basis::of(p, form.clone());
        self.stored.with_value(|s| s.get(id).and_then(|d| d.basis.as_ref().map(|b| b.changes(&now)))).unwrap_or_default()
    }

    /// Records that the person has seen procedure `p` and its `form` as they are now for the
    /// dossier `id` (its basis and catalogue version), and saves the dossier when that changed it.
    pub fn take_basis(self, id: &str, p: &crate::core::catalogue::Procedure, form: &crate::core::forms::FormRef) {
        let now = Some(crate::core::dossier::Basis::of(p, form.clone()));
        let version = crate::core::catalogue::known::VERSION;
        let changed = self
            .stored
            .try_update_value(|s| {
                s.get_mut(id).filter(|d| d.basis != now).map(|d| {
                    d.basis = now.clone();
                    d.catalogue_version = version.to_string();
                })
            })
            .flatten()
            .is_some();
        if changed {
            self.flush();
            let answers = self.latest(id).answers;
            self.save_now(id.to_string(), answers);
        }
    }

    /// Whether this page holds the dossier `id` (read from the device, or begun here).
    fn holds(self, id: &str) -> bool {
        self.stored.with_value(|s| s.contains_key(id)) || self.has_work(id)
    }

    /// Whether this page holds work in the dossier `id` (an answer or a file).
    pub fn has_work(self, id: &str) -> bool {
        self.dossiers.0.with_untracked(|d| d.get(id).is_some_and(|a| !a.is_empty()))
            || self.attachments.0.with_untracked(|a| a.get(id).is_some_and(|a| !a.is_empty()))
    }

    /// The id for a new dossier of the procedure `code`: none this page knows (with work or not).
    pub fn next_id(self, code: &str) -> String {
        let mut taken = self.ids_untracked();
        self.stored.with_value(|s| taken.extend(s.keys().cloned()));
        crate::core::dossier::new_id(code, taken.iter().map(String::as_str))
    }

    /// Puts a dossier opened from a draft file on this device with its files' `Blob`s, and saves
    /// it; gives its id. It keeps its own id when that is free here, or when `replace` (the person
    /// said it replaces the work there); else it becomes one more dossier of its procedure.
    pub fn adopt(self, mut dossier: Dossier, files: Vec<(String, web_sys::Blob)>, replace: bool) -> String {
        for (hash, blob) in &files {
            crate::web::files::keep(hash, blob);
        }
        let fits = crate::core::dossier::id_fits(&dossier.id, &dossier.procedure);
        if !fits || (!replace && self.has_work(&dossier.id)) {
            dossier.id = self.next_id(&dossier.procedure);
        }
        self.put(dossier)
    }

    /// Starts another dossier from the dossier `id` (the same answers and files: a second child, a
    /// neighbour with the same request) and saves it; gives the new one's id.
    pub fn duplicate(self, id: &str) -> String {
        self.flush();
        let original = self.latest(id);
        let new = self.next_id(&original.procedure);
        self.put(original.duplicate(new, crate::web::clock::now()))
    }

    /// Holds `dossier` in this page under its id and saves it.
    fn put(self, dossier: Dossier) -> String {
        let id = dossier.id.clone();
        self.steps.update_value(|s| {
            s.remove(&id);
        });
        self.stored.update_value(|s| {
            s.insert(id.clone(), dossier.clone());
        });
        self.attachments.0.update(|a| {
            a.insert(id.clone(), dossier.attachments.clone());
        });
        self.dossiers.0.update(|d| {
            d.insert(id.clone(), dossier.answers.clone());
        });
        self.save_now(id.clone(), dossier.answers);
        id
    }

    /// The dossiers this page holds work in (answers or files), for "Hồ sơ của tôi". Tracked.
    /// (A section's answers are saved before they reach `Dossiers`: the stored dossiers count too.)
    pub fn ids(self) -> Vec<String> {
        let mut ids: Vec<String> = self.dossiers.0.with(|d| d.iter().filter(|(_, a)| !a.is_empty()).map(|(c, _)| c.clone()).collect());
        self.stored.with_value(|s| ids.extend(s.iter().filter(|(_, d)| !d.is_empty()).map(|(c, _)| c.clone())));
        self.attachments.0.with(|a| ids.extend(a.iter().filter(|(_, a)| !a.is_empty()).map(|(c, _)| c.clone())));
        crate::core::order::sort(&mut ids);
        ids.dedup();
        ids
    }

    /// The dossiers with work for the procedure `code`, first started first. Tracked.
    pub fn ids_of(self, code: &str) -> Vec<String> {
        let mut ids: Vec<String> = self.ids().into_iter().filter(|id| crate::core::dossier::procedure_of(id) == code).collect();
        crate::core::order::sort_by_key(&mut ids, |id| crate::core::dossier::ordinal(id));
        ids
    }

    /// The dossier `id` as last saved, or as this page holds it when it was never saved.
    pub fn latest(self, id: &str) -> Dossier {
        self.stored.with_value(|s| s.get(id).cloned()).unwrap_or_else(|| {
            let answers = self.dossiers.0.with(|d| d.get(id).cloned().unwrap_or_default());
            let attached = self.attachments.0.with(|a| a.get(id).cloned().unwrap_or_default());
            self.current(id, answers, attached)
        })
    }

    /// For a page listing every dossier ("Hồ sơ của tôi", the desk's queue): the drafts back from
    /// the device, then the catalogue (the procedures' names) and each dossier's form (its progress).
    pub fn listed(self) -> LocalResource<Option<std::sync::Arc<crate::web::catalogue::Catalogue>>> {
        LocalResource::new(move || async move {
            self.restored().await;
            let catalogue = crate::web::cache::catalogue().await.ok();
            for id in self.ids_untracked() {
                let _ = crate::web::cache::form(crate::core::dossier::procedure_of(&id)).await;
            }
            catalogue
        })
    }

    pub fn ids_untracked(self) -> Vec<String> {
        untrack(|| self.ids())
    }

    /// Deletes the dossier `id` from this page and the device, with the files no other dossier
    /// needs (one transaction).
    pub fn remove(self, id: &str) {
        let was_stored = self.stored.with_value(|s| s.contains_key(id));
        let deleting = self.delete(id);
        if !was_stored {
            return;
        }
        self.status.set(SaveStatus::Saving);
        leptos::task::spawn_local(async move {
            self.status.set(match deleting.await {
                Ok(()) => SaveStatus::Saved(crate::web::clock::now().minute),
                Err(e) => SaveStatus::Failed(e),
            });
        });
    }

    /// The deletion `remove` and `resident_left` share: the dossier `id` leaves this page at once,
    /// and, when it was stored, the device (with the files no other stored dossier needs) in one
    /// transaction issued now; the future resolves once it committed.
    fn delete(self, id: &str) -> impl std::future::Future<Output = Result<(), StoreError>> {
        self.flush();
        self.dossiers.0.update(|d| {
            d.remove(id);
        });
        self.attachments.0.update(|a| {
            a.remove(id);
        });
        let removed = self.stored.try_update_value(|s| s.remove(id)).flatten();
        let gone =
            self.stored.with_value(|s| self.stored_files.with_value(|stored| crate::core::dossier::files_unneeded(&s.values().collect::<Vec<_>>(), stored)));
        let deleting = removed.map(|r| crate::web::drafts::remove(&r.id, gone.clone()));
        let (stored_files, id) = (self.stored_files, id.to_string());
        async move {
            if let Some(deleting) = deleting {
                deleting.await?;
                stored_files.update_value(|s| s.retain(|h| !gone.contains(h)));
                crate::web::device::tell_tabs(&crate::web::device::TabNews::Saved(id));
            }
            Ok(())
        }
    }

    /// "Người dân đã về" for one resident at the desk: deletes the dossier `id` as `remove` does,
    /// forgets its files no other dossier needs in this page too, then reads the device back and
    /// says what of the resident's is still stored (`core::desk::left_behind`; nothing, when all
    /// went well).
    pub async fn resident_left(self, id: &str) -> Result<crate::core::desk::LeftBehind, StoreError> {
        self.flush();
        let theirs = self.latest(id);
        self.delete(id).await?;
        let needed: std::collections::BTreeSet<String> = self.stored.with_value(|s| s.values().flat_map(Dossier::file_hashes).collect());
        for hash in theirs.file_hashes().iter().filter(|h| !needed.contains(*h)) {
            crate::web::files::forget(hash);
        }
        let stored: Vec<Dossier> = crate::web::drafts::load_all().await?.into_iter().filter_map(Result::ok).collect();
        let files = crate::web::drafts::load_files().await?.into_iter().map(|(hash, _)| hash).collect();
        Ok(crate::core::desk::left_behind(&theirs, &stored, &files))
    }

    /// "Không lưu trên máy này" on (every draft on the device deleted; this page keeps what it holds
    /// until it is closed) or off (what this page holds is saved on the device again).
    pub fn set_memory_only(self, on: bool) {
        crate::web::device::set_memory_only(on);
        self.memory_only.set(on);
        if on {
            self.cancel_pending();
            self.stored_files.update_value(std::collections::BTreeSet::clear);
            self.status.set(SaveStatus::MemoryOnly);
            leptos::task::spawn_local(async move {
                if let Err(e) = crate::web::drafts::delete_all().await {
                    self.status.set(SaveStatus::Failed(e));
                }
            });
        } else {
            self.flush();
            for id in self.ids_untracked() {
                let answers = self.latest(&id).answers;
                self.save_now(id, answers);
            }
        }
    }

    /// Saves at once what is waiting, if anything.
    pub fn flush(self) {
        if let Some((handle, save)) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
            save();
        }
    }

    /// Saves `answers` for the dossier `id` now.
    pub fn save_now(self, id: String, answers: Answers) {
        if self.off.get_value() {
            return;
        }
        if self.elsewhere.with_value(|e| e.contains(&id)) {
            self.status.set(SaveStatus::Elsewhere);
            return;
        }
        // A save waiting for the person to stop typing (in this dossier or another) goes first,
        // never dropped: the page it reads may be leaving, and a caller's answers read before it
        // (any caller saving what stands flushes first: `save_dossier`, `take_basis`…).
        self.flush();
        // Timed from here (the change's data read) to the transaction's commit: `bench.sh drafts`.
        crate::web::clock::mark("hoso-luu-bat-dau");
        let now = crate::web::clock::now();
        let mut dossier = self.stored_or_new(&id);
        dossier.answers = answers;
        dossier.attachments = self.attachments.0.with_untracked(|a| a.get(&id).cloned().unwrap_or_default());
        if let Some(step) = self.steps.with_value(|s| s.get(&id).cloned()) {
            dossier.step = step;
        }
        dossier.touch(now);
        // The files' bytes are read before the transaction opens (they are `Blob`s: no copy).
        let (add, gone) = self.stored.with_value(|s| {
            let others: Vec<&Dossier> = s.iter().filter(|(c, _)| **c != id).map(|(_, d)| d).collect();
            self.stored_files.with_value(|stored| crate::core::dossier::files_to_store(&others, &dossier, stored))
        });
        let add: Vec<(String, web_sys::Blob)> = add.into_iter().filter_map(|h| Some((h.clone(), crate::web::files::blob(&h)?))).collect();
        self.stored.update_value(|s| {
            s.insert(id.clone(), dossier.clone());
        });
        if self.memory_only.get_untracked() {
            self.status.set(SaveStatus::MemoryOnly);
            return;
        }
        self.status.set(SaveStatus::Saving);
        let stored_files = self.stored_files;
        let (added, removed): (Vec<String>, Vec<String>) = (add.iter().map(|(h, _)| h.clone()).collect(), gone.clone());
        let (waiting, record) = (add.clone(), dossier.clone());
        let saving = crate::web::drafts::save(&dossier, add, gone);
        leptos::task::spawn_local(async move {
            let saved = match saving.await {
                // A full device, and this change frees room (a photo removed): one transaction
                // cannot, as the new files are written before the old are let go. So first the
                // dossier without its new files and the deletions, then the new files.
                Err(StoreError::WriteRefused) if !removed.is_empty() => {
                    let left: std::collections::BTreeSet<String> = stored_files.with_value(|s| s.iter().filter(|h| !removed.contains(h)).cloned().collect());
                    match crate::web::drafts::save(&record.with_files_in(&left), Vec::new(), removed.clone()).await {
                        Ok(()) => {
                            stored_files.update_value(|s| s.retain(|h| !removed.contains(h)));
                            crate::web::drafts::save(&record, waiting, Vec::new()).await
                        }
                        Err(e) => Err(e),
                    }
                }
                other => other,
            };
            self.status.set(match saved {
                Ok(()) => {
                    stored_files.update_value(|s| {
                        s.extend(added);
                        s.retain(|h| !removed.contains(h));
                    });
                    crate::web::clock::measure("hoso-luu", "hoso-luu-bat-dau");
                    if let Some(news) = self.news.try_update_value(|n| n.saved(&id, now.to_rfc3339())) {
                        crate::web::embed::tell(&news);
                    }
                    crate::web::device::tell_tabs(&crate::web::device::TabNews::Saved(id));
                    SaveStatus::Saved(now.minute)
                }
                Err(e) => {
                    if let Some(news) = self.news.try_update_value(|n| n.failed(&id, e)).flatten() {
                        crate::web::embed::tell(&news);
                    }
                    SaveStatus::Failed(e)
                }
            });
        });
    }
}

/// "Đã lưu trên máy này lúc 10:02", or why not: a polite status line.
#[component]
pub fn SaveLine() -> impl IntoView {
    let status = use_drafts().status;
    let text = move || {
        match status.get() {
        SaveStatus::Idle => String::new(),
        SaveStatus::Saving => tr!("autosave.dang-luu-tren-may-nay", "Đang lưu trên máy này…").to_string(),
        SaveStatus::Saved(minute) => tr!("autosave.da-luu-luc", "Đã lưu trên máy này lúc {time}.", time = format!("{:02}:{:02}", minute / 60, minute % 60)),
        SaveStatus::Failed(e) => e.to_string(),
        SaveStatus::MemoryOnly => tr!("autosave.khong-luu-tren-may-nay", "Không lưu trên máy này: thông tin chỉ còn đến khi bạn đóng trang. Cần làm tiếp ở nơi khác thì hãy lưu hồ sơ ra tệp.").to_string(),
        SaveStatus::Elsewhere => {
            tr!("autosave.ho-so-nay-vua-duoc", "Hồ sơ này vừa được sửa ở một thẻ (cửa sổ) khác. Để không ghi đè lên đó, những gì nhập ở đây chưa được lưu: hãy đóng thẻ này, hoặc tải lại trang để làm tiếp với bản mới nhất.").to_string()
        }
    }
    };
    view! { <p class="save-line" role="status" aria-live="polite">{text}</p> }
}

/// Says which drafts were deleted at this start for being untouched longer than the days kept.
#[component]
pub fn ExpiredNotice() -> impl IntoView {
    let expired = use_drafts().expired;
    let days = crate::web::device::keep_days();
    move || {
        let list = expired.get();
        (!list.is_empty()).then(|| {
            let catalogue = crate::web::cache::catalogue_now();
            let items = list
                .into_iter()
                .map(|(code, changed)| {
                    let name = crate::core::catalogue::index::procedure_name(catalogue.as_ref().map(|c| &c.index), &code);
                    let day = crate::core::calendar::Receipt::parse_rfc3339(&changed).map(|r| r.date.to_vn()).unwrap_or_default();
                    view! { <li>{tr!("autosave.sua-lan-cuoi-ngay", "{name} (sửa lần cuối ngày {day})", name = name, day = day)}</li> }
                })
                .collect_view();
            view! {
                <div class="notice" role="status">
                    <p>{tr!("autosave.cac-ho-so-sau-khong", "Các hồ sơ sau không được sửa trong {days} ngày nên hoso đã xoá khỏi máy này, để máy không giữ thông tin cũ của bạn:", days = days)}</p>
                    <ul>{items}</ul>
                    <p class="hint">{tr!("autosave.neu-ban-da-luu-ho", "Nếu bạn đã lưu hồ sơ ra tệp, có thể mở lại ở trang «Hồ sơ của tôi».")}</p>
                </div>
            }
        })
    }
}
