package dev.firebell.console;

/**
 * The console's one stylesheet, inline in every page and allowed by its hash in the Content Security Policy (nothing
 * is loaded from anywhere). One constant per area of the console, so each area's rules sit together. Mobile first,
 * system fonts, text contrast above 7:1, visible focus for keyboard users.
 */
final class ConsoleStyle {

    private ConsoleStyle() {
    }

    static final String BASE = "*{box-sizing:border-box}"
            + "body{margin:0;font:1rem/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:#1a1a1a;"
            + "background:#f4f4f4}"
            + "a{color:#0b4f8a}a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus"
            + "{outline:3px solid #1a1a1a;outline-offset:2px}"
            + ".skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.5rem}"
            + "header{background:#1a1a1a;color:#fff;padding:.5rem 1rem}"
            + "header a{color:#fff}header nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;"
            + "gap:.25rem 1rem;align-items:center}"
            + "header nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}"
            + "header form{display:inline;margin:0}"
            + "header button{font:inherit;color:#fff;background:none;border:1px solid #fff;border-radius:.25rem;"
            + "padding:.125rem .5rem;cursor:pointer}"
            + ".brand{font-weight:700;margin-right:.5rem}"
            + "main{max-width:72rem;margin:0 auto;padding:1rem;background:#fff;min-height:80vh}"
            + "h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 1rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}"
            + "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}"
            + "th,td{text-align:left;padding:.375rem .5rem;border-bottom:1px solid #ccc;vertical-align:top}"
            + "th{background:#eee}"
            + ".scroll{overflow-x:auto}"
            + "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0}"
            + "dl.facts dt{font-weight:600}dl.facts dd{margin:0;overflow-wrap:anywhere}"
            + "form.inline{display:inline-block;margin:.25rem .5rem .25rem 0}"
            + "label{display:block;font-weight:600;margin:.5rem 0 .25rem}"
            + "input,select,textarea{font:inherit;padding:.375rem;border:1px solid #555;border-radius:.25rem;"
            + "max-width:100%}"
            + "button{font:inherit;font-weight:600;min-height:2.75rem;padding:.5rem 1rem;color:#fff;background:#0b4f8a;"
            + "border:0;border-radius:.375rem;cursor:pointer}"
            + "button.secondary{color:#0b4f8a;background:#fff;border:2px solid #0b4f8a}"
            + ".badge{display:inline-block;padding:0 .375rem;border-radius:.25rem;font-weight:600;font-size:.875rem;"
            + "border:1px solid currentColor}"
            + ".sev1{color:#a4000f}.sev2{color:#8a3a00}.sev3{color:#6b5000}.sev4,.sev5{color:#3a3a3a}"
            + ".triggered{color:#a4000f}.acknowledged{color:#8a5a00}.resolved{color:#1b6e20}"
            + ".notice{padding:.5rem 1rem;border-left:.375rem solid #1b6e20;background:#eef6ee}"
            + ".notice.error{border-color:#a4000f;background:#fbeeee}"
            + ".muted{color:#4a4a4a}"
            + "@media (max-width:40rem){main{padding:.75rem}th,td{padding:.25rem}}";

    /** The incidents list and an incident's page. */
    static final String INCIDENTS = "form.filters{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}"
            + "form.filters button{margin:.5rem 0}";

    /** On call now and next. */
    static final String ON_CALL = ".badge.override{color:#5b2a86}.gap{color:#a4000f;font-weight:600}"
            + ".local{color:#4a4a4a}table.oncall td{min-width:10rem}";

    /** The four-week calendar of shifts and the override form. */
    static final String SCHEDULES = "nav.weeks{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.5rem 0}"
            + ".calendar .weekdays{display:none}.calendar ol.days{list-style:none;margin:0;padding:0}"
            + ".calendar li.day{border:1px solid #ccc;padding:.25rem .5rem;margin:0 0 .25rem;overflow-wrap:anywhere}"
            + ".calendar li.today{border:3px solid #0b4f8a}.calendar .date{margin:0;font-weight:600}"
            + "ul.shifts{list-style:none;margin:0;padding:0;font-size:.875rem}"
            + "ul.shifts li{padding:.125rem 0;border-top:1px dotted #ccc}ul.shifts li.override{background:#f1eaf7}"
            + ".when{font-variant-numeric:tabular-nums;font-weight:600}"
            + "@media (min-width:48rem){.calendar .weekdays,.calendar ol.days{display:grid;"
            + "grid-template-columns:repeat(7,minmax(0,1fr));gap:2px}.calendar .weekdays{font-weight:700}"
            + ".calendar li.day{margin:0;min-height:6rem}}";

    /** A person's page: upcoming shifts and calendar subscriptions. */
    static final String PEOPLE = ".contacts{margin:0;padding-left:1.25rem}"
            + ".feed{margin:.5rem 0 1rem}.feed input{width:100%;font-family:ui-monospace,monospace;font-size:.875rem}";

    /** A postmortem draft rendered from its Markdown, and its milestone chart. */
    static final String POSTMORTEMS = "article.draft p,article.draft li{overflow-wrap:anywhere}"
            + "article.draft pre{background:#f4f4f4;padding:.5rem;white-space:pre-wrap}"
            + "figure{margin:1rem 0}figcaption{font-weight:600}"
            + "svg.chart{display:block;width:100%;max-width:40rem;height:auto}"
            + ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
            + "white-space:nowrap}";

    /** Charts of MTTA and MTTR, and the noisiest alarms. */
    static final String REPORTS = "form.period{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}"
            + "ul.presets{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}"
            + "table.figures caption{text-align:left;font-weight:600;padding:.25rem 0}";

    static final String ALL = BASE + INCIDENTS + ON_CALL + SCHEDULES + PEOPLE + POSTMORTEMS + REPORTS;
}
