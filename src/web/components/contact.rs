//! Contacts as people use them on a phone: numbers are `tel:` links and email addresses
//! `mailto:` links, so one tap calls or writes.

use crate::engine::decision::Contact;
use yew::prelude::*;

/// A number as a `tel:` link; the digits and a leading `+` only in the address.
#[derive(Properties, PartialEq)]
pub struct PhoneProps {
    pub number: AttrValue,
}

#[function_component(Phone)]
pub fn phone(props: &PhoneProps) -> Html {
    let digits: String = props
        .number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    if digits.is_empty() {
        return html! { props.number.clone() };
    }
    html! { <a class="govuk-link app-phone" href={format!("tel:{digits}")}>{ props.number.clone() }</a> }
}

#[derive(Properties, PartialEq)]
pub struct ContactLineProps {
    pub contact: Contact,
}

/// "Name, 01632 960 000 (hours), email": the number and address as links.
#[function_component(ContactLine)]
pub fn contact_line(props: &ContactLineProps) -> Html {
    let c = &props.contact;
    html! {
        <>
            { format!("{}, ", c.name) }
            <Phone number={c.phone.clone()} />
            if let Some(h) = &c.hours { { format!(" ({h})") } }
            if let Some(e) = &c.email {
                { ", " }
                <a class="govuk-link" href={format!("mailto:{e}")}>{ e }</a>
            }
        </>
    }
}
