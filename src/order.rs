//! The crate's one way to sort: by a whole-number rank, ties kept in the order given.
//!
//! Each `sort_unstable` of another element type or comparator is another copy of the sort
//! algorithm in the browser's download (about 2.4 KB of wasm each; issue 14). These sort
//! `u64`s only, whatever is being ordered, so the app carries that algorithm once for them
//! all. Imports nothing of ours, so every layer may use it.

/// Sorts `items` by `rank`, lowest first; items of equal rank keep their order.
pub fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> u32) {
    // The rank above, the position below: distinct keys, so the unstable sort gives the
    // stable order. Positions fit in 32 bits: nothing here holds four billion items.
    let mut keyed: Vec<u64> = items
        .iter()
        .enumerate()
        .map(|(at, item)| (u64::from(rank(item)) << 32) | at as u64)
        .collect();
    keyed.sort_unstable();
    let mut taken: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    *items = keyed
        .iter()
        .filter_map(|key| taken[(key & u64::from(u32::MAX)) as usize].take())
        .collect();
}

/// Sorts whole numbers, lowest first.
pub fn sort_numbers(numbers: &mut Vec<u32>) {
    sort_by_rank(numbers, |n| *n);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_rank_and_keeps_ties_in_order() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "date", "plum"];
        sort_by_rank(&mut words, |w| w.len() as u32);
        assert_eq!(words, ["fig", "pear", "kiwi", "date", "plum", "apple"]);
        let mut n = vec![5, u32::MAX, 0, 3, 3, 1];
        sort_numbers(&mut n);
        assert_eq!(n, [0, 1, 3, 3, 5, u32::MAX]);
        let mut none: Vec<u32> = Vec::new();
        sort_numbers(&mut none);
        assert!(none.is_empty());
    }
}
