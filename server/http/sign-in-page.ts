/**
 * The page the sign-in callback answers with when it refuses (400) or cannot reach the provider
 * (503). Served before any client code runs, so it says it in all three languages at once.
 */
import type { Response } from 'express';

export type SignInProblem = 'refused' | 'unavailable';

const TEXTS: Record<SignInProblem, { nn: string; nb: string; en: string }> = {
  refused: {
    nn: 'Innlogginga vart avvist: ho kom ikkje frå innloggingsknappen i denne nettlesaren, gjekk ut på tid eller vart avbroten. Ingenting er oppretta. Prøv å logge inn på nytt.',
    nb: 'Innloggingen ble avvist: den kom ikke fra innloggingsknappen i denne nettleseren, gikk ut på tid eller ble avbrutt. Ingenting er opprettet. Prøv å logge inn på nytt.',
    en: 'Sign-in was refused: it did not start from the sign-in button in this browser, took too long or was cancelled. Nothing was created. Try signing in again.',
  },
  unavailable: {
    nn: 'Innloggingstenesta svarar ikkje no. Prøv igjen om litt.',
    nb: 'Innloggingstjenesten svarer ikke nå. Prøv igjen om litt.',
    en: 'The sign-in service does not answer right now. Try again in a moment.',
  },
};

const BACK = { nn: 'Tilbake', nb: 'Tilbake', en: 'Back' };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function sendSignInProblem(res: Response, status: 400 | 503, problem: SignInProblem, back: string): void {
  const t = TEXTS[problem];
  const href = escape(back);
  const section = (lang: 'nn' | 'nb' | 'en') => `<section lang="${lang}"><p>${t[lang]}</p><p><a href="${href}">${BACK[lang]}</a></p></section>`;
  res.status(status).setHeader('Cache-Control', 'no-store').type('html').send(`<!doctype html>
<html lang="nn"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Samskap</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f2933}section+section{border-top:1px solid #cbd2d9}a{color:#1d4ed8}</style>
</head><body><main><h1>Samskap</h1>${section('nn')}${section('nb')}${section('en')}</main></body></html>`);
}
