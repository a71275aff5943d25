// The lines an official notice's header opens with, folded, as regular-expression sources: the
// State's name and its motto (two lines of the right-hand column), or the Party's name.

export const STATE_NAME = 'cong hoa xa hoi chu nghia viet nam';
export const STATE_MOTTO = String.raw`doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc`;
export const PARTY_NAME = 'dang cong san viet nam';
