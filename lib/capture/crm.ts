import { hubspotRecordOf, readHubspot } from './hubspot';
import { pipedriveRecordOf, readPipedrive } from './pipedrive';
import { readSalesforce, salesforceRecordOf } from './salesforce';
import type { CrmSite, RecordCapture } from './schema';

/**
 * The CRM page readers behind one call: the hostname picks the reader, the reader's own URL test
 * decides whether this is a record page. A page that is not one costs a host test and a regex.
 */

type Reader = (root: ParentNode, url: URL) => RecordCapture | null;

const SALESFORCE_HOST = /(?:^|\.)(?:lightning\.force\.com|my\.salesforce\.com)$/i;
const HUBSPOT_HOST = /(?:^|\.)hubspot\.com$/i;
const PIPEDRIVE_HOST = /\.pipedrive\.com$/i;

/** The CRM whose host this is (not yet whether the page is a record page). */
export function crmSiteOf(url: URL): CrmSite | null {
  const h = url.hostname;
  if (SALESFORCE_HOST.test(h)) return 'salesforce';
  if (HUBSPOT_HOST.test(h)) return 'hubspot';
  if (PIPEDRIVE_HOST.test(h)) return 'pipedrive';
  return null;
}

const READERS: Record<CrmSite, Reader> = { salesforce: readSalesforce, hubspot: readHubspot, pipedrive: readPipedrive };

/** Whether `url` is a record page one of the readers reads (no DOM needed). */
export function isCrmRecordUrl(url: URL): boolean {
  switch (crmSiteOf(url)) {
    case 'salesforce':
      return salesforceRecordOf(url) !== null;
    case 'hubspot':
      return hubspotRecordOf(url) !== null;
    case 'pipedrive':
      return pipedriveRecordOf(url) !== null;
    default:
      return false;
  }
}

/** The record on a CRM page, or null when the URL is not a record page of a supported CRM. Never throws. */
export function readCrmPage(root: ParentNode, url: URL): RecordCapture | null {
  const site = crmSiteOf(url);
  if (!site) return null;
  try {
    return READERS[site](root, url);
  } catch {
    return null;
  }
}
