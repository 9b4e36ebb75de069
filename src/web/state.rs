//! The flow's session as Yew state (`use_reducer`): each user action is one message,
//! handled natively by [`Session::update`]; the draft is saved from one place in `app`.

use crate::flow::{Msg, Session};
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for Session {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        next.update(msg);
        Rc::new(next)
    }
}
