//! What the end of a session on a shared computer ("Kết thúc phiên trên máy này") removes from
//! the browser besides the drafts' database: hoso's caches and storage keys, named so that a
//! portal hosting hoso under a path of its own origin keeps everything of its own. The browser
//! adapter (`web::device::end_session`) lists the names and removes those this module says.

/// What every name hoso gives a cache or a storage key begins with.
pub const OWN: &str = "hoso-";
/// The caches of the app shell: hoso's own code, the same for everyone, kept so the app still
/// opens without a network.
pub const SHELL_CACHE: &str = "hoso-shell";
/// The `sessionStorage` key of the page that framed hoso, when only the referrer said it
/// (`core::embed::framer`): not personal, and the frame still has the same portal.
pub const FRAMER: &str = "hoso-khung";

/// Whether the cache `name` goes: hoso's data caches do, its shell and anything not hoso's stay.
pub fn cache_goes(name: &str) -> bool {
    name.starts_with(OWN) && !name.starts_with(SHELL_CACHE)
}

/// Whether the storage key `key` goes: hoso's do, but the framer and those `keep` names ("Người
/// dân đã về" keeps the officer's assisted mode and display settings for the next resident).
pub fn key_goes(key: &str, keep: &[&str]) -> bool {
    key.starts_with(OWN) && key != FRAMER && !keep.contains(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hoso_s_data_caches_go_its_code_and_a_portal_s_caches_stay() {
        assert!(cache_goes("hoso-du-lieu-0123456789abcdef"));
        assert!(!cache_goes("hoso-shell-0123456789abcdef"), "hoso's own code, the same for everyone");
        assert!(!cache_goes("cong-dvc-trang"), "a portal's on the same origin");
    }

    #[test]
    fn hoso_s_keys_go_but_those_kept_for_the_next_resident_the_framer_and_a_portal_s() {
        let keep = ["hoso-ho-tro"];
        assert!(key_goes("hoso-ngon-ngu", &keep));
        assert!(!key_goes("hoso-ho-tro", &keep), "kept for the next resident");
        assert!(key_goes("hoso-ho-tro", &[]), "the officer leaving too: it goes");
        assert!(!key_goes(FRAMER, &[]), "not personal; the frame keeps its portal");
        assert!(!key_goes("cong-dvc-phien", &[]), "a portal's sign-in on the same origin");
    }
}
