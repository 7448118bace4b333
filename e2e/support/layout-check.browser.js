// The in-page half of layout-check.ts, plain JavaScript read as text and evaluated in the page: the
// scripts run through tsx, whose transform wraps named functions in a `__name` helper the page lacks.
/* eslint-disable no-undef, @typescript-eslint/no-unused-expressions -- evaluated in the page (browser globals); the file is one function expression */
(slack) => {
  const problems = [];
  const viewport = document.documentElement.clientWidth;
  const describe = (el) => {
    const id = el.id ? `#${el.id}` : '';
    const cls =
      typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
  };
  const scrolls = (style) =>
    ['auto', 'scroll'].includes(style.overflowX) || ['auto', 'scroll'].includes(style.overflowY);
  const hiddenOnPurpose = (el, style) => {
    const box = el.getBoundingClientRect();
    return (
      box.width <= 1 ||
      box.height <= 1 ||
      (style.clip && style.clip !== 'auto') ||
      style.clipPath !== 'none' ||
      style.visibility === 'hidden'
    );
  };
  /** Inside a scroll container or a visually-hidden box: not a layout problem. */
  const exempt = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (scrolls(style) || hiddenOnPurpose(p, style)) return true;
    }
    return false;
  };
  const ownText = (el) =>
    [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');

  if (document.documentElement.scrollWidth > viewport + slack) {
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > viewport + slack && !exempt(el))
      .sort((x, y) => y.getBoundingClientRect().right - x.getBoundingClientRect().right)
      .slice(0, 3)
      .map((el) => `${describe(el)} ends at ${Math.round(el.getBoundingClientRect().right)} px`);
    problems.push(
      `page is ${document.documentElement.scrollWidth} px wide in a ${viewport} px viewport: ${wide.join('; ')}`,
    );
  }

  // A strip that scrolls sideways hides what is past its edge (issue 15's cut-off phone navigation):
  // only tables and code may scroll, inside their wrappers.
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (!['auto', 'scroll'].includes(style.overflowX) || el.scrollWidth <= el.clientWidth + slack) continue;
    if (el.querySelector('table, pre, code') || hiddenOnPurpose(el, style) || exempt(el)) continue;
    problems.push(`strip scrolls sideways, cutting its content: ${describe(el)}`);
  }

  for (const el of document.body.querySelectorAll('*')) {
    if (!ownText(el) || ['INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'SCRIPT', 'STYLE'].includes(el.tagName)) continue;
    const style = getComputedStyle(el);
    if (style.display === 'inline' || style.display === 'contents' || style.display === 'none') continue;
    if (scrolls(style) || hiddenOnPurpose(el, style) || exempt(el)) continue;
    const html = el;
    const wider = html.scrollWidth > html.clientWidth + slack;
    const clipsX = style.overflowX === 'hidden' || style.overflowX === 'clip';
    const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
    const taller = clipsY && html.scrollHeight > html.clientHeight + slack;
    if (wider && clipsX && style.textOverflow !== 'ellipsis') problems.push(`text clipped: ${describe(el)}`);
    else if (taller) problems.push(`text clipped (height): ${describe(el)}`);
    else if (wider && !clipsX) problems.push(`text overflows its box: ${describe(el)}`);
  }
  return problems;
};
