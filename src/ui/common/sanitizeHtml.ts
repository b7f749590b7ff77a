import DOMPurify from 'dompurify';

// The one sanitiser for the only HTML the product shows: comms-edited policy text. Used before the
// text is stored (the publisher gets it through the composition root) and again before it is shown,
// because a list item can also be written past our editor with a raw REST call.

const ALLOWED_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'a', 'h4'];
const ALLOWED_ATTR = ['href'];
const SAFE_URL = /^(?:https?:|mailto:)/i;

let configured = false;

function purifier(): typeof DOMPurify {
  if (!configured) {
    // Links open in a new tab without handing the policy page to the target.
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A') {
        const href = node.getAttribute('href') ?? '';
        if (!SAFE_URL.test(href.trim())) node.removeAttribute('href');
        else {
          node.setAttribute('target', '_blank');
          node.setAttribute('rel', 'noopener noreferrer');
        }
      }
    });
    configured = true;
  }
  return DOMPurify;
}

export function sanitizeHtml(html: string): string {
  return purifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_URL,
    ADD_ATTR: ['target', 'rel'],
    KEEP_CONTENT: true,
    RETURN_TRUSTED_TYPE: false
  }) as string;
}
