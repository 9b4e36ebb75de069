//! The guidance being edited: the file as opened, the model as it is now, and the undo and
//! redo history over every edit. Pure data (no web types), so every edit is one function
//! of the model and undo is a stack of earlier models.

use crate::authoring::format;
use crate::guidance::GuidanceFile;
use std::rc::Rc;

/// One edit to the model. `key` names the field it changes: consecutive edits with the
/// same key (the keys typed into one text box) are one step of undo, as people expect.
#[derive(Clone)]
pub struct Edit {
    pub key: String,
    pub apply: Rc<dyn Fn(&mut GuidanceFile)>,
    /// A key typed into a text box: more are likely to follow at once.
    pub typed: bool,
}

impl Edit {
    /// An edit made in one go: a button, a radio, a pasted file.
    pub fn new(key: impl Into<String>, apply: impl Fn(&mut GuidanceFile) + 'static) -> Edit {
        Edit {
            key: key.into(),
            apply: Rc::new(apply),
            typed: false,
        }
    }

    /// An edit typed into a text box, one key at a time.
    pub fn typed(key: impl Into<String>, apply: impl Fn(&mut GuidanceFile) + 'static) -> Edit {
        Edit {
            typed: true,
            ..Edit::new(key, apply)
        }
    }
}

/// Where the file came from, in words for the page ("the built-in guidance").
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    pub name: String,
}

#[derive(Clone)]
pub struct Doc {
    pub origin: Origin,
    /// The file's text as opened: what the review compares against.
    pub opened_text: String,
    pub file: GuidanceFile,
    /// The model written out (`authoring::format`): what the checks read and export writes.
    pub text: Rc<str>,
    /// The file as opened, written out the same way: "unchanged" compares with this.
    opened_written: Option<Rc<str>>,
    undo: Vec<(GuidanceFile, String)>,
    redo: Vec<(GuidanceFile, String)>,
    /// The key of the last edit, while it may still merge with the next.
    last_key: Option<String>,
    /// Counts every change of the model, so views and checks know when to run again.
    pub revision: u64,
    /// The last change was typed: the checks wait for a pause in the typing.
    pub typing: bool,
}

impl Doc {
    pub fn new(origin: Origin, opened_text: String, file: GuidanceFile) -> Doc {
        let text = format::to_json(&file).into();
        let opened_written = crate::problem::parse_json::<GuidanceFile>(&opened_text)
            .ok()
            .map(|opened| format::to_json(&opened).into());
        Doc {
            origin,
            opened_text,
            file,
            text,
            opened_written,
            undo: Vec::new(),
            redo: Vec::new(),
            last_key: None,
            revision: 0,
            typing: false,
        }
    }

    pub fn apply(&mut self, edit: &Edit) {
        let mut next = self.file.clone();
        (edit.apply)(&mut next);
        let text: Rc<str> = format::to_json(&next).into();
        if *text == *self.text {
            return;
        }
        if self.last_key.as_deref() != Some(edit.key.as_str()) {
            self.undo.push((self.file.clone(), edit.key.clone()));
        }
        self.redo.clear();
        self.last_key = Some(edit.key.clone());
        self.set(next, text);
        self.typing = edit.typed;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) {
        if let Some((file, key)) = self.undo.pop() {
            self.redo.push((self.file.clone(), key));
            self.last_key = None;
            let text = format::to_json(&file).into();
            self.set(file, text);
        }
    }

    pub fn redo(&mut self) {
        if let Some((file, key)) = self.redo.pop() {
            self.undo.push((self.file.clone(), key));
            self.last_key = None;
            let text = format::to_json(&file).into();
            self.set(file, text);
        }
    }

    /// Ends the current undo step, so the next edit of the same field is a step of its own
    /// (called when a field loses focus).
    pub fn seal(&mut self) {
        self.last_key = None;
    }

    /// Whether the model says what the file as opened says (it may be laid out otherwise).
    pub fn unchanged(&self) -> bool {
        self.opened_written.as_deref() == Some(&*self.text)
    }

    fn set(&mut self, file: GuidanceFile, text: Rc<str>) {
        self.file = file;
        self.text = text;
        self.revision += 1;
        self.typing = false;
    }
}
