/**
 * The one workshop context (`@lit/context`): `<sk-workshop-page>` provides it, every feature
 * inside the workshop consumes it instead of having the workshop, who I am, the live connection,
 * the members and the rooms handed down as properties.
 *
 * A new value object is provided on every change (the workshop reloaded, the socket opened, the
 * members fetched, the visit recorded), so consumers re-render; `WorkshopConsumer`'s `onChange`
 * tells a component what changed, for the few that reopen something on a change.
 */
import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { MemberDto, WorkshopDto } from '../../shared/api.js';
import type { RoomRegistry } from './rooms.js';
import type { VisitInfo } from './visit.js';
import type { WorkshopSocket } from './workshop-socket.js';

export interface WorkshopContext {
  readonly workshop: WorkshopDto;
  /** `workshop.me`: who this browser is in the workshop. */
  readonly me: WorkshopDto['me'];
  /** The workshop's one live connection (socket.io); null until it opened, or after removal. */
  readonly socket: WorkshopSocket | null;
  /** Member records (names, organisations, roles); empty until fetched. */
  readonly members: MemberDto[];
  /** A members refresh is running. */
  readonly membersBusy: boolean;
  /** The workshop's Yjs rooms, opened once and shared by every view that needs them. */
  readonly rooms: RoomRegistry;
  /** This page's visit: "since your last visit" for the views. */
  readonly visit: VisitInfo;
}

export const workshopContext = createContext<WorkshopContext | undefined>(Symbol('samskap.workshop'));

type Host = ReactiveControllerHost & HTMLElement;

/**
 * A component's handle on the workshop context: re-renders its host whenever a new value comes,
 * and calls `onChange(next, previous)` first. Create it before any controller that reads it
 * (class fields initialise in order), so they see the value when the host connects.
 */
export class WorkshopConsumer {
  private readonly consumer: ContextConsumer<typeof workshopContext, Host>;
  private current: WorkshopContext | undefined;

  constructor(host: Host, onChange?: (next: WorkshopContext | undefined, previous: WorkshopContext | undefined) => void) {
    this.consumer = new ContextConsumer(host, {
      context: workshopContext,
      subscribe: true,
      callback: (value) => {
        const previous = this.current;
        this.current = value;
        onChange?.(value, previous);
      },
    });
  }

  get value(): WorkshopContext | undefined {
    return this.consumer.value;
  }
  get workshop(): WorkshopDto | null {
    return this.consumer.value?.workshop ?? null;
  }
  get socket(): WorkshopSocket | null {
    return this.consumer.value?.socket ?? null;
  }
  get members(): MemberDto[] {
    return this.consumer.value?.members ?? [];
  }
}
