use leptos::prelude::*;

/// A set of large radio choices with a visible legend: real inputs, so keyboards and
/// screen readers get the native behaviour.
#[component]
pub fn ChoiceGroup<T>(
    legend: &'static str,
    name: &'static str,
    options: Vec<(T, &'static str)>,
    #[prop(into)] selected: Signal<T>,
    on_choose: impl Fn(T) + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let choices = options
        .into_iter()
        .map(|(value, label)| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=name
                        prop:checked=move || selected.get() == value
                        on:change=move |_| on_choose(value)
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choice-group">
            <legend>{legend}</legend>
            {choices}
        </fieldset>
    }
}
