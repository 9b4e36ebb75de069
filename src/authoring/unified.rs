//! Line differences in the unified format (`--- a`, `+++ b`, `@@ -l,n +l,n @@`), for golden
//! files: small texts, so a plain longest-common-subsequence table is fast enough.

/// Index pairs `(i, j)` with `a[i] == b[j]` forming a longest common subsequence, in order.
pub(crate) fn lcs_pairs<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    // table[i][j]: LCS length of a[i..] and b[j..].
    let mut table = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] = if a[i] == b[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut pairs = Vec::new();
    while i < n && j < m {
        if a[i] == b[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Keep,
    Remove,
    Add,
}

/// The unified diff from `old` to `new` with three lines of context, or an empty string
/// when they are the same. `old_name` and `new_name` label the two sides.
pub fn unified_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // The edit script: (op, line in a, line in b).
    let mut script: Vec<(Op, usize, usize)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (pi, pj) in lcs_pairs(&a, &b).into_iter().chain([(a.len(), b.len())]) {
        while i < pi {
            script.push((Op::Remove, i, j));
            i += 1;
        }
        while j < pj {
            script.push((Op::Add, i, j));
            j += 1;
        }
        if pi < a.len() {
            script.push((Op::Keep, i, j));
            i += 1;
            j += 1;
        }
    }
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    if script.iter().all(|s| s.0 == Op::Keep) {
        // Only the final newline differs.
        out.push_str("@@ the files differ only in their final newline @@\n");
        return out;
    }
    const CONTEXT: usize = 3;
    let changed: Vec<usize> = (0..script.len())
        .filter(|&k| script[k].0 != Op::Keep)
        .collect();
    let mut k = 0;
    while k < changed.len() {
        // Grow a hunk while the next change is within two contexts of this one.
        let start = changed[k].saturating_sub(CONTEXT);
        let mut end = changed[k];
        while k + 1 < changed.len() && changed[k + 1] <= end + 2 * CONTEXT + 1 {
            k += 1;
            end = changed[k];
        }
        let end = (end + CONTEXT + 1).min(script.len());
        let hunk = &script[start..end];
        let (a0, b0) = (hunk[0].1, hunk[0].2);
        let a_len = hunk.iter().filter(|s| s.0 != Op::Add).count();
        let b_len = hunk.iter().filter(|s| s.0 != Op::Remove).count();
        let from = |first: usize, len: usize| if len == 0 { first } else { first + 1 };
        out.push_str(&format!(
            "@@ -{},{a_len} +{},{b_len} @@\n",
            from(a0, a_len),
            from(b0, b_len)
        ));
        for &(op, ai, bj) in hunk {
            match op {
                Op::Keep => out.push_str(&format!(" {}\n", a[ai])),
                Op::Remove => out.push_str(&format!("-{}\n", a[ai])),
                Op::Add => out.push_str(&format!("+{}\n", b[bj])),
            }
        }
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_texts_have_no_diff() {
        assert_eq!(unified_diff("a\nb\n", "a\nb\n", "x", "y"), "");
    }

    #[test]
    fn a_changed_line_shows_with_its_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assert_eq!(
            unified_diff(old, new, "golden", "decision"),
            "--- golden\n+++ decision\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn distant_changes_make_separate_hunks() {
        let old: String = (1..=20).map(|n| format!("{n}\n")).collect();
        let new = old.replace("2\n", "two\n").replace("19\n", "nineteen\n");
        let d = unified_diff(&old, &new, "a", "b");
        assert_eq!(d.matches("@@ -").count(), 2, "{d}");
        assert!(d.contains("-19\n+nineteen\n"), "{d}");
    }

    #[test]
    fn added_and_removed_lines_count_right() {
        let d = unified_diff("a\nb\n", "a\nb\nc\n", "a", "b");
        assert!(d.contains("@@ -1,2 +1,3 @@\n a\n b\n+c\n"), "{d}");
        let d = unified_diff("", "x\n", "a", "b");
        assert!(d.contains("@@ -0,0 +1,1 @@\n+x\n"), "{d}");
    }

    #[test]
    fn lcs_finds_the_common_lines() {
        assert_eq!(lcs_pairs(&[1, 2, 3, 4], &[2, 4, 5]), vec![(1, 0), (3, 1)]);
    }
}
