//! Sorting, compiled once. The standard library's stable sort is generic: every element type and
//! every comparison closure gets its own copy of its ~3–7 kB of code, and the app sorts twenty
//! kinds of list. These functions sort the positions (`u32`) with one comparison through a
//! reference, so the sort itself is compiled once, then move the elements into place. Stable, as
//! `slice::sort_by` is: equal elements keep their order.
//!
//! Use them for the lists the app sorts; the CLI may use the standard library's.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal ones in their order.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    put_in_order(items, &order);
}

/// Sorts `items` by the key `key` gives each one, keeping equal ones in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` puts them: the one sort every list goes through.
#[inline(never)]
fn positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_by(|&a, &b| compare(a as usize, b as usize));
    order
}

/// Moves each element to its place: `order[k]` is where the element that belongs at `k` is now.
fn put_in_order<T>(items: &mut [T], order: &[u32]) {
    // Where each element goes, then one swap per element put where it belongs.
    let mut goes_to = vec![0u32; order.len()];
    for (place, &from) in order.iter().enumerate() {
        goes_to[from as usize] = place as u32;
    }
    for here in 0..items.len() {
        while goes_to[here] as usize != here {
            let there = goes_to[here] as usize;
            items.swap(here, there);
            goes_to.swap(here, there);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_library_does_keeping_equal_elements_in_their_order() {
        // Pairs sorted by their first half only: the second half shows the order equal ones kept.
        let mut seed = 7u32;
        for len in [0usize, 1, 2, 3, 5, 17, 20, 64, 300] {
            let list: Vec<(u8, u32)> = (0..len as u32)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 6, i)
                })
                .collect();
            let mut ours = list.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut standard = list.clone();
            standard.sort_by_key(|p| p.0);
            assert_eq!(ours, standard, "{len} elements");
        }
    }

    #[test]
    fn sorts_owned_values_without_losing_or_repeating_one() {
        let mut names: Vec<String> = ["Nam", "Ánh", "Bình", "An", "Nam", "Chi"].map(String::from).to_vec();
        sort(&mut names);
        assert_eq!(names, ["An", "Bình", "Chi", "Nam", "Nam", "Ánh"]);
        sort_by(&mut names, |a, b| b.cmp(a));
        assert_eq!(names, ["Ánh", "Nam", "Nam", "Chi", "Bình", "An"]);
    }
}
