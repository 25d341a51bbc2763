export { auditAnchorPath, readAnchor, writeAnchor, type AnchorHead, type AnchorRecord, type AnchorRead } from './anchorFile';
export { deriveAnchorKey } from './anchorKey';
export { compareWithAnchor, verifyAuditWithAnchor, type AnchorBreak, type AnchoredAuditVerification } from './anchorVerdict';
export { AuditAnchor } from './AuditAnchor';
