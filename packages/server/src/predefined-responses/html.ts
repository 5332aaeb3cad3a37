import sanitizeHtml from 'sanitize-html';

/**
 * What an email response may contain: the formatting of a reply (paragraphs, emphasis, lists, tables, links,
 * images) and nothing that runs: no scripts, styles, frames, forms or event handlers, and links and images
 * only to http(s), mailto and inline (cid) addresses.
 */
const EMAIL_HTML: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'font', 'span'],
  allowedAttributes: {
    a: ['href', 'title', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    font: ['color', 'face', 'size'],
    td: ['colspan', 'rowspan', 'align'],
    th: ['colspan', 'rowspan', 'align'],
    '*': ['dir', 'lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'cid'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/** An email response's body as stored and shown: the HTML with everything not allowed removed. */
export const sanitizeEmailHtml = (html: string): string => sanitizeHtml(html, EMAIL_HTML).trim();
