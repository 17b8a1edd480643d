//! Stable sorting with one compiled copy of the sorting algorithm.
//!
//! `slice::sort_by` is generic over the element type and the comparison
//! closure, so every call site gets its own copy of the standard library's
//! driftsort (about 3 KB of machine code each, ~30 call sites). These
//! helpers sort a list of indices through a `&dyn Fn` (the one copy) and
//! then move the elements into that order with swaps. Same result as the
//! standard stable sort (equal elements keep their order); O(n) extra
//! memory for the indices. Measured in BENCHMARKS.md, size budget.
use std::cmp::Ordering;

/// Like `v.sort_by(cmp)` (stable).
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&v[a], &v[b]));
    permute(v, &mut order);
}

/// Like `v.sort_by_key(key)` (stable).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)))
}

/// Like `v.sort()` (stable).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp)
}

#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Reorder `v` so that the new `v[k]` is the old `v[order[k]]`, following
/// each cycle of the permutation with swaps (`order` is used up).
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard stable sort, ties included.
        #[test]
        fn same_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..80)) {
            let mut ours = v.clone();
            super::sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|p| p.0);
            prop_assert_eq!(&ours, &std_sorted);
            let mut ours = v.clone();
            super::sort(&mut ours);
            let mut std_sorted = v;
            std_sorted.sort();
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
