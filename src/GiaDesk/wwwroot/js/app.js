// GiaDesk page behaviour. The Content-Security-Policy forbids inline scripts and on*= attributes, so every page
// script lives here and finds its elements by data- attributes.
(() => {
    // A form marked data-busy shows its <progress> and disables its button while the files are sent.
    for (const form of document.querySelectorAll('form[data-busy]')) {
        form.addEventListener('submit', () => {
            const progress = form.querySelector('progress');
            if (progress) {
                progress.hidden = false;
            }
            const button = form.querySelector('button');
            if (button) {
                button.disabled = true;
            }
        });
    }

    // The running import (Features/Shared/_ImportProgress.cshtml): polls /api/imports/{id} and reloads the page,
    // which then shows the report, when the import is finished.
    const box = document.querySelector('[data-job]');
    if (!box) {
        return;
    }
    const bar = box.querySelector('progress');
    const phase = box.querySelector('[data-phase]');
    const poll = async () => {
        try {
            const response = await fetch('/api/imports/' + encodeURIComponent(box.dataset.job), { headers: { Accept: 'application/json' } });
            const job = response.ok ? await response.json() : null;
            if (!job || job.finished) {
                location.reload();
                return;
            }
            if (job.total > 0) {
                bar.max = job.total;
                bar.value = job.done;
            } else {
                bar.removeAttribute('value');
            }
            // The live region changes only with the phase, not with every count.
            const text = 'Этап: ' + job.phase;
            if (phase.textContent !== text) {
                phase.textContent = text;
            }
            box.querySelector('[data-text]').textContent = job.text;
            box.querySelector('[data-elapsed]').textContent = job.elapsedSeconds;
        } catch {
            // A lost poll is retried.
        }
        setTimeout(poll, 1000);
    };
    setTimeout(poll, 1000);
})();
