//! Sentences the app says in more than one place, said once here.

/// On the start page, the guidance error page and the recovery message after a fault:
/// wherever the tool cannot help yet, the way to help now.
pub const IMMEDIATE_DANGER: &str = "If a child is in immediate danger, call the police on 999 now.";
