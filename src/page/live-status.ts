/**
 * The class of the live views' connection line (follow view, remote), with its one stylesheet:
 * the element shows its `data-status` (connecting, open, closed) in colour as well as in words.
 */
import './live-status.css';

export const LIVE_STATUS_CLASS = 'live-status';
