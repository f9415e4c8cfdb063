import { html, SafeHtml } from '../../reader-page/html';
import { deskLayout } from './desk-layout.template';
import { csrfField, field } from './form-fields.template';

export interface SignInView {
  readonly csrf: string;
  readonly returnTo: string;
  /** Why the editor is here: signed out, the session ended while they wrote, … */
  readonly notice?: string;
  readonly problem?: string;
  /** A form posted after the session ended: its fields ride along and come back after sign-in. */
  readonly carried?: { readonly action: string; readonly fields: Record<string, string> };
}

export function renderSignIn(v: SignInView): SafeHtml {
  const carried = v.carried;
  return deskLayout(
    { title: 'Sign in' },
    html`<h1>Sign in to the desk</h1>
${v.notice ? html`<p class="notice notice--warn" role="status" id="sign-in-notice">${v.notice}</p>` : ''}
<form class="desk" method="post" action="/desk/sign-in" aria-labelledby="sign-in-h">
<h2 id="sign-in-h" class="visually-hidden">Sign in with your token</h2>
${csrfField(v.csrf)}
<input type="hidden" name="returnTo" value="${v.returnTo}">
${
  carried
    ? html`<input type="hidden" name="carryAction" value="${carried.action}">
${Object.entries(carried.fields).map(([name, value]) => html`<input type="hidden" name="carry.${name}" value="${value}">`)}`
    : ''
}
${field({
  name: 'token',
  label: 'Editor token',
  value: '',
  type: 'password',
  required: true,
  autocomplete: 'current-password',
  hint: 'The same token you use with the HTTP API. Your name, which signs your changes, comes with it.',
  problems: v.problem ? { token: [v.problem] } : undefined,
})}
<div class="actions"><button type="submit">Sign in</button></div>
</form>`,
  );
}

/** For a link followed from another site: the same address again, as a same-site request. */
export function renderContinue(href: string): SafeHtml {
  return deskLayout(
    { title: 'Continue to the desk' },
    html`<h1>Continue to the desk</h1><p><a href="${href}" id="continue">Continue to the desk</a></p>`,
  );
}
