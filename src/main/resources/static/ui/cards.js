// Renders CDS Hooks cards as a CDS client does: indicator, summary, detail (Markdown), source and
// links, suggestions as buttons, override reasons in a menu. Text is escaped before any markup.
'use strict';

const Cards = (() => {
  const escape = text => String(text == null ? '' : text)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

  const safeUrl = url => (/^https?:\/\//i.test(url) ? url : null);

  /** The Markdown the service writes: paragraphs, "- " lists, **bold**, `code`, [text](url). */
  function markdown(text) {
    const inline = line => escape(line)
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (all, label, url) => {
        const href = safeUrl(url.replace(/&amp;/g, '&'));
        return href ? '<a href="' + escape(href) + '" target="_blank" rel="noopener">' + label + '</a>' : label;
      });
    return String(text || '').split(/\n{2,}/).map(block => {
      const lines = block.split('\n');
      if (lines.every(l => /^\s*- /.test(l))) {
        return '<ul>' + lines.map(l => '<li>' + inline(l.replace(/^\s*- /, '')) + '</li>').join('') + '</ul>';
      }
      return '<p>' + lines.map(inline).join('<br>') + '</p>';
    }).join('');
  }

  function element(tag, attributes, html) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
    if (html != null) node.innerHTML = html;
    return node;
  }

  /**
   * @param handlers onAccept(card, suggestion), onOverride(card, reason, comment)
   */
  function render(container, cards, handlers) {
    container.innerHTML = '';
    if (!cards.length) {
      container.appendChild(element('p', { class: 'no-cards' }, 'No advice: nothing to fix in this order set.'));
      return;
    }
    cards.forEach(card => container.appendChild(cardNode(card, handlers)));
  }

  function cardNode(card, handlers) {
    const node = element('article', { class: 'card ' + escape(card.indicator), 'data-uuid': card.uuid || '' });
    node.appendChild(element('div', {}, '<span class="indicator">' + escape(card.indicator) + '</span>'
      + '<span class="summary">' + escape(card.summary) + '</span>'));
    if (card.detail) node.appendChild(element('div', { class: 'detail' }, markdown(card.detail)));
    const source = card.source || {};
    const sourceUrl = safeUrl(source.url);
    node.appendChild(element('div', { class: 'source' }, 'Source: ' + (sourceUrl
      ? '<a href="' + escape(sourceUrl) + '" target="_blank" rel="noopener">' + escape(source.label) + '</a>'
      : escape(source.label))));
    const links = (card.links || []).filter(link => safeUrl(link.url));
    if (links.length) {
      node.appendChild(element('div', { class: 'source' }, 'Links: ' + links.map(link => '<a href="'
        + escape(link.url) + '" target="_blank" rel="noopener">' + escape(link.label) + '</a>').join(', ')));
    }
    const buttons = element('div', { class: 'buttons' });
    (card.suggestions || []).forEach(suggestion => {
      const button = element('button', { type: 'button', class: 'suggestion' }, escape(suggestion.label));
      button.addEventListener('click', () => handlers.onAccept(card, suggestion));
      buttons.appendChild(button);
    });
    if (buttons.childNodes.length) node.appendChild(buttons);
    if (card.uuid) node.appendChild(overrideNode(card, handlers));
    return node;
  }

  function overrideNode(card, handlers) {
    const box = element('div', { class: 'override' });
    const select = element('select', { 'aria-label': 'Override reason' });
    select.appendChild(element('option', { value: '' }, 'Override: choose a reason'));
    (card.overrideReasons || []).forEach((reason, i) => {
      select.appendChild(element('option', { value: String(i) }, escape(reason.display || reason.code)));
    });
    const comment = element('input', { type: 'text', placeholder: 'comment (optional)', 'aria-label': 'Override comment' });
    const button = element('button', { type: 'button', class: 'override-button' }, 'Override');
    button.addEventListener('click', () => {
      const reason = select.value === '' ? null : card.overrideReasons[Number(select.value)];
      handlers.onOverride(card, reason, comment.value.trim());
    });
    box.append(select, comment, button);
    return box;
  }

  return { render, markdown, escape };
})();
