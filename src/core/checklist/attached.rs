//! The files attached to a dossier, paper by paper, and every operation on them: add (after the
//! dossier-wide checks), remove (saying which stored bytes nothing refers to any more), reorder,
//! and replace a paper's photos by the PDF combining them. The browser only stores the bytes
//! and draws on canvases; what happens to the list is decided here.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::files::{FileKind, FileProblem, FileReport, Limits};

/// A file attached to a document (its bytes live with the browser adapter, under `hash`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    pub hash: String,
    pub name: String,
    pub size: u64,
    pub kind: FileKind,
    pub pages: Option<u32>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// What the checks found that the person should look at (warnings only: a refused file is
    /// never attached).
    pub problems: Vec<FileProblem>,
    /// When hoso made this file (photos combined into a PDF, a photo scaled down): the hashes
    /// of the originals, kept until export.
    #[serde(default)]
    pub from: Vec<String>,
}

impl Attachment {
    pub fn new(hash: String, name: String, report: &FileReport) -> Attachment {
        Attachment {
            hash,
            name,
            size: report.size,
            kind: report.kind,
            pages: report.pages,
            width: report.width,
            height: report.height,
            problems: report.problems.clone(),
            from: Vec::new(),
        }
    }

    /// The PDF made from `photos`: it comes from them (and from what they came from), it says
    /// when the photos had to be made smaller (`shrunk`: the longer side and the limit), and it
    /// keeps the photos' own warnings (dark, blurred, small), not those about hoso's copies.
    pub fn combined(mut pdf: Attachment, photos: &[Attachment], shrunk: Option<(u32, u64)>) -> Attachment {
        pdf.from = photos.iter().flat_map(|p| std::iter::once(p.hash.clone()).chain(p.from.iter().cloned())).collect();
        pdf.problems.retain(|p| !p.about_a_copy());
        if let Some((side, limit)) = shrunk {
            pdf.problems.push(FileProblem::Recompressed { side, limit });
        }
        pdf.problems.extend(photos.iter().flat_map(|p| p.problems.iter().filter(|w| !w.about_a_copy()).cloned()));
        pdf
    }

    /// The name of the PDF combining a paper's photos: the paper's name as a short slug.
    pub fn combined_name(paper: &str) -> String {
        format!("{}.pdf", crate::core::text::slug(paper).chars().take(60).collect::<String>())
    }

    /// Every stored file this attachment needs: itself and its originals.
    pub fn hashes(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.hash.as_str()).chain(self.from.iter().map(String::as_str))
    }
}

/// Files by document key (see [`super::Entry::key`]), in the order the person arranged them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Attached(BTreeMap<String, Vec<Attachment>>);

impl Attached {
    pub fn new() -> Attached {
        Attached::default()
    }

    /// The files of one paper, in order.
    pub fn of(&self, key: &str) -> &[Attachment] {
        self.0.get(key).map_or(&[], Vec::as_slice)
    }

    pub fn count(&self, key: &str) -> usize {
        self.of(key).len()
    }

    pub fn all(&self) -> impl Iterator<Item = &Attachment> + Clone {
        self.0.values().flatten()
    }

    /// No file attached to any paper.
    pub fn is_empty(&self) -> bool {
        self.all().next().is_none()
    }

    /// Papers with files, by key.
    pub fn papers(&self) -> impl Iterator<Item = (&str, &[Attachment])> {
        self.0.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    pub fn total_bytes(&self) -> u64 {
        self.all().map(|a| a.size).sum()
    }

    /// The attachment (and its paper's key) that is, or was made from, the file with this hash.
    pub fn holder(&self, hash: &str) -> Option<(&str, &Attachment)> {
        self.0.iter().find_map(|(k, v)| v.iter().find(|a| a.hashes().any(|h| h == hash)).map(|a| (k.as_str(), a)))
    }

    /// The checks that involve the whole dossier, for a file about to be attached: the same file
    /// twice (also inside a PDF made from photos), and the dossier budget. `name_of` gives a
    /// paper's name from its key.
    pub fn admit(&self, hash: &str, size: u64, limits: &Limits, name_of: impl Fn(&str) -> String) -> Result<(), FileProblem> {
        if let Some((key, a)) = self.holder(hash) {
            return Err(FileProblem::Duplicate { name: a.name.clone(), paper: name_of(key) });
        }
        let used = self.total_bytes();
        if used + size > limits.max_dossier_bytes {
            return Err(FileProblem::DossierFull { limit: limits.max_dossier_bytes, used, size });
        }
        Ok(())
    }

    /// Adds a file at the end of a paper's list (call [`Attached::admit`] first).
    pub fn add(&mut self, key: &str, a: Attachment) {
        self.0.entry(key.to_string()).or_default().push(a);
    }

    /// Removes a file from a paper; returns the stored files nothing refers to any more (the
    /// file itself and the originals it was made from), which the device can let go.
    pub fn remove(&mut self, key: &str, hash: &str) -> Vec<String> {
        let Some(list) = self.0.get_mut(key) else { return Vec::new() };
        let Some(at) = list.iter().position(|a| a.hash == hash) else { return Vec::new() };
        let gone = list.remove(at);
        if list.is_empty() {
            self.0.remove(key);
        }
        gone.hashes().filter(|h| self.holder(h).is_none()).map(str::to_string).collect()
    }

    /// Keeps only the files `keep` says yes to (a paper left with none has none).
    pub fn retain(&mut self, keep: impl Fn(&Attachment) -> bool) {
        for list in self.0.values_mut() {
            list.retain(&keep);
        }
        self.0.retain(|_, list| !list.is_empty());
    }

    /// Moves a paper's file `index` one place up or down; `false` when it cannot move.
    pub fn shift(&mut self, key: &str, index: usize, up: bool) -> bool {
        let Some(list) = self.0.get_mut(key) else { return false };
        let to = if up { index.checked_sub(1) } else { Some(index + 1) };
        match to.filter(|t| *t < list.len() && index < list.len()) {
            Some(t) => {
                list.swap(index, t);
                true
            }
            None => false,
        }
    }

    /// The photos of a paper, in order (what "Gộp ảnh thành PDF" combines).
    pub fn photos(&self, key: &str) -> Vec<Attachment> {
        self.of(key).iter().filter(|a| a.kind.is_image()).cloned().collect()
    }

    /// Puts the PDF combining a paper's photos where the first photo was; the photos leave the
    /// list (their bytes stay: the PDF comes `from` them).
    pub fn replace_photos(&mut self, key: &str, pdf: Attachment) {
        let list = self.0.entry(key.to_string()).or_default();
        let at = list.iter().position(|x| x.kind.is_image()).unwrap_or(list.len());
        list.retain(|x| !x.kind.is_image());
        list.insert(at.min(list.len()), pdf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::files::MB;

    fn file(hash: &str, kind: FileKind, size: u64) -> Attachment {
        Attachment {
            hash: hash.into(),
            name: format!("{hash}.{}", kind.extension().unwrap_or("bin")),
            size,
            kind,
            pages: None,
            width: None,
            height: None,
            problems: vec![],
            from: vec![],
        }
    }

    fn hashes(list: &[Attachment]) -> Vec<&str> {
        list.iter().map(|a| a.hash.as_str()).collect()
    }

    #[test]
    fn files_are_added_in_order_and_moved_up_and_down() {
        let mut a = Attached::new();
        for h in ["a", "b", "c"] {
            a.add("d0", file(h, FileKind::Pdf, 10));
        }
        assert!(a.shift("d0", 2, true));
        assert_eq!(hashes(a.of("d0")), ["a", "c", "b"]);
        assert!(!a.shift("d0", 0, true), "the first cannot go up");
        assert!(!a.shift("d0", 2, false), "the last cannot go down");
        assert!(a.shift("d0", 0, false));
        assert_eq!(hashes(a.of("d0")), ["c", "a", "b"]);
        assert_eq!((a.count("d0"), a.count("d1"), a.total_bytes()), (3, 0, 30));
    }

    #[test]
    fn photos_are_replaced_by_their_pdf_where_the_first_photo_was() {
        let mut a = Attached::new();
        a.add("d0", file("scan", FileKind::Pdf, 10));
        a.add("d0", file("front", FileKind::Jpeg, 10));
        a.add("d0", file("other", FileKind::Pdf, 10));
        a.add("d0", file("back", FileKind::Png, 10));
        let photos = a.photos("d0");
        assert_eq!(hashes(&photos), ["front", "back"]);
        let pdf = Attachment::combined(file("both", FileKind::Pdf, 15), &photos, None);
        a.replace_photos("d0", pdf);
        assert_eq!(hashes(a.of("d0")), ["scan", "both", "other"]);
        assert_eq!(a.holder("back").map(|(k, x)| (k, x.hash.as_str())), Some(("d0", "both")), "a photo inside the PDF is still held");
    }

    #[test]
    fn a_combined_pdf_keeps_the_photos_warnings_but_not_those_about_copies() {
        let mut dark = file("p1", FileKind::Jpeg, 10);
        dark.problems = vec![FileProblem::Dark { brightness: 10, min: 25 }, FileProblem::Scaled { original: 20 * MB, scaled: MB }];
        dark.from = vec!["p1-original".into()];
        let mut pdf = file("pdf", FileKind::Pdf, 10);
        pdf.problems = vec![FileProblem::Renamed { extension: "png".into(), claimed: FileKind::Png, found: FileKind::Pdf }];
        let made = Attachment::combined(pdf, &[dark, file("p2", FileKind::Jpeg, 10)], Some((1300, 10 * MB)));
        assert_eq!(made.problems, [FileProblem::Recompressed { side: 1300, limit: 10 * MB }, FileProblem::Dark { brightness: 10, min: 25 }]);
        assert_eq!(made.from, ["p1", "p1-original", "p2"]);
    }

    #[test]
    fn removing_a_file_frees_only_what_nothing_else_holds() {
        let mut a = Attached::new();
        let mut scaled = file("copy", FileKind::Jpeg, 10);
        scaled.from = vec!["original".into()];
        a.add("d0", scaled.clone());
        a.add("d1", file("x", FileKind::Pdf, 10));
        assert_eq!(a.remove("d1", "x"), ["x"]);
        assert_eq!(a.remove("d0", "copy"), ["copy", "original"]);
        assert_eq!(a, Attached::new(), "papers left without files leave the map");
        assert!(a.remove("d0", "copy").is_empty(), "removing twice does nothing");
    }

    #[test]
    fn the_same_file_twice_and_a_full_dossier_are_refused() {
        let mut a = Attached::new();
        a.add("d0", file("abc", FileKind::Pdf, 40 * MB));
        let name = |k: &str| format!("giấy {k}");
        assert_eq!(a.admit("abc", 10, &Limits::default(), name), Err(FileProblem::Duplicate { name: "abc.pdf".into(), paper: "giấy d0".into() }));
        assert_eq!(a.admit("def", 11 * MB, &Limits::default(), name), Err(FileProblem::DossierFull { limit: 50 * MB, used: 40 * MB, size: 11 * MB }));
        assert!(a.admit("def", 9 * MB, &Limits::default(), name).is_ok());
    }

    #[test]
    fn the_stored_form_is_the_plain_map_of_papers_to_files() {
        let mut a = Attached::new();
        a.add("d2", file("abc", FileKind::Pdf, 1));
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["d2"][0]["hash"], "abc");
        assert_eq!(serde_json::from_value::<Attached>(json).unwrap(), a);
    }
}
