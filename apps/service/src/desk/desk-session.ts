import type { Session } from '@fastify/secure-session';
import { randomUUID } from 'node:crypto';
import type { AuthRole, Principal } from '../auth/token-registry';

/** Who is signed in, as kept in the encrypted session cookie: never the token itself. */
export interface SignedIn {
  readonly name: string;
  readonly roles: AuthRole[];
  /** This sign-in, so that a sign-out can end it (see DeskSessions.signOut). */
  readonly sid: string;
  /** Epoch ms. */
  readonly since: number;
}

declare module '@fastify/secure-session' {
  interface SessionData {
    editor: SignedIn;
    /** The CSRF secret @fastify/csrf-protection keeps in the session. */
    _csrf: string;
  }
}

/**
 * Sign-in and sign-out on top of @fastify/secure-session. Its cookie is stateless, so a copy taken
 * before a sign-out would stay valid until it expires: each sign-in therefore has an id, and a
 * sign-out remembers the id until the session would have expired anyway. The list is this
 * process's; docs/deploy.md says what that means for several instances.
 */
export class DeskSessions {
  private readonly ended = new Map<string, number>();

  constructor(private readonly ttlSeconds: number) {}

  signIn(session: Session, principal: Principal, now = Date.now()): SignedIn {
    // A fresh session at sign-in: nothing set before it (a CSRF secret included) carries over.
    session.regenerate();
    const editor: SignedIn = { name: principal.name, roles: [...principal.roles], sid: randomUUID(), since: now };
    session.set('editor', editor);
    return editor;
  }

  /** The editor of a live session; undefined when nobody signed in, the sign-in expired, or it was signed out. */
  editor(session: Session | null | undefined, now = Date.now()): SignedIn | undefined {
    const editor = session?.get('editor');
    if (!editor || typeof editor.sid !== 'string' || typeof editor.since !== 'number') return undefined;
    if (now >= this.expiresAt(editor) || this.ended.has(editor.sid)) return undefined;
    return editor;
  }

  signOut(session: Session, now = Date.now()): void {
    const editor = session.get('editor');
    if (editor?.sid) {
      for (const [sid, until] of this.ended) if (until <= now) this.ended.delete(sid);
      this.ended.set(editor.sid, this.expiresAt(editor));
    }
    session.delete();
  }

  private expiresAt(editor: SignedIn): number {
    return editor.since + this.ttlSeconds * 1000;
  }
}
