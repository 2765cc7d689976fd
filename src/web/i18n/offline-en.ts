import type { offlineZhCN } from './offline-zh-cn';

export const offlineEn: Record<keyof typeof offlineZhCN, string> = {
  'offline.badge': '{{count}} to upload',
  'offline.title': 'Records waiting to upload',
  'offline.hint':
    'What you record without a network is kept on this phone and uploaded once it is back, never twice.',
  'offline.queued': 'Saved on this phone; it will upload when the network is back',
  'offline.kind.activity': 'Activity',
  'offline.kind.inspection': 'Courtyard score',
  'offline.kind.patrol': 'Patrol',
  'offline.state.waiting': 'Waiting for network',
  'offline.state.sending': 'Uploading',
  'offline.state.refused': 'Refused: {{reason}}',
  'offline.photos': '{{count}} photo(s)',
  'offline.savedAt': 'Recorded {{time}}',
  'offline.uploadNow': 'Upload now',
  'offline.offlineNow': 'No network right now; it will upload by itself once connected',
  'offline.edit': 'Edit',
  'offline.discard': 'Discard',
  'offline.discardConfirm': 'A discarded record is not uploaded and cannot be recovered. Discard it?',
  'offline.empty': 'Nothing waiting to upload',
  'offline.degraded':
    'This browser cannot keep photos on the phone: keep this page open until the upload finishes, or use the phone’s own browser.',
  'offline.sentCount': '{{count}} record(s) uploaded',
  'offline.signOutTitle': '{{count}} record(s) not uploaded yet',
  'offline.signOutText':
    'They stay on this phone and upload once you sign in again with the same account and are online. Sign out?',
};
