//! Guidance shared between the parts of the app that hold it, compared by identity: two
//! handles are equal when they hold the very same loaded file. Cheap to clone and to
//! compare, so components re-render only when the guidance is really replaced.

use super::Guidance;
use std::ops::Deref;
use std::rc::Rc;

#[derive(Debug, Clone)]
pub struct SharedGuidance(pub Rc<Guidance>);

impl SharedGuidance {
    pub fn new(guidance: Guidance) -> SharedGuidance {
        SharedGuidance(Rc::new(guidance))
    }
}

impl PartialEq for SharedGuidance {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for SharedGuidance {
    type Target = Guidance;
    fn deref(&self) -> &Guidance {
        &self.0
    }
}

impl From<Rc<Guidance>> for SharedGuidance {
    fn from(rc: Rc<Guidance>) -> Self {
        SharedGuidance(rc)
    }
}
