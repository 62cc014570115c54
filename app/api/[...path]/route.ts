import { unknownApiPath } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** Any method on a path under /api/ that no route serves: 404 in the API's JSON, not the HTML 404 page. */
export const GET = unknownApiPath;
export const POST = unknownApiPath;
export const PUT = unknownApiPath;
export const PATCH = unknownApiPath;
export const DELETE = unknownApiPath;
