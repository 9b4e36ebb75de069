//! Contacts as people use them on a phone: numbers are `tel:` links and email addresses
//! `mailto:` links, so one tap calls or writes.

use crate::engine::decision::Contact;
use yew::prelude::*;

/// A number as a `tel:` link; the digits and a leading `+` only in the address.
pub fn phone(number: &str) -> Html {
    let digits: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    if digits.is_empty() {
        return html! { number.to_string() };
    }
    html! { <a class="govuk-link app-phone" href={format!("tel:{digits}")}>{ number.to_string() }</a> }
}

/// "Name, 01632 960 000 (hours), email": the number and address as links.
pub fn contact_line(c: &Contact) -> Html {
    html! {
        <>
            { format!("{}, ", c.name) }
            { phone(&c.phone) }
            if let Some(h) = &c.hours { { format!(" ({h})") } }
            if let Some(e) = &c.email {
                { ", " }
                <a class="govuk-link" href={format!("mailto:{e}")}>{ e }</a>
            }
        </>
    }
}
