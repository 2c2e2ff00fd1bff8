// Injected inline into bench pages: fills the timeline with X-like tweets (2,000+ nodes) and, on request,
// changes the DOM `rate` times a second like a live X timeline (new posts in, old ones out, counters, transforms).
(() => {
  const column = document.querySelector('[data-testid="primaryColumn"] section[role="region"]');
  const list = document.createElement('div');
  column.replaceChildren(list);
  const author = column.dataset.author;
  let serial = 0;

  const cell = () => {
    const n = ++serial;
    const handle = author ?? `user${(n * 7919) % 10000}`;
    const div = document.createElement('div');
    div.dataset.testid = 'cellInnerDiv';
    div.style.transform = `translateY(${n * 120}px)`;
    div.innerHTML = `<div><div><article data-testid="tweet" role="article" tabindex="0">
  <div><div data-testid="UserAvatar-Container-${handle}"><a href="/${handle}" role="link"><img alt="" src="data:,"></a></div></div>
  <div>
    <div data-testid="User-Name"><a href="/${handle}" role="link"><span>User ${n}</span></a>
      <a href="/${handle}" role="link" tabindex="-1"><span>@${handle}</span></a><span>·</span>
      <a href="/${handle}/status/${1_800_000 + n}" role="link"><time datetime="2025-11-25T10:00:00.000Z">2h</time></a></div>
    <div data-testid="tweetText" lang="en" dir="auto"><span>Post number ${n}: shipping the next thing with the team. </span><a href="/hashtag/bench">#bench</a></div>
    <div role="group" aria-label="${n % 13} replies, ${n % 7} reposts, ${n % 50} likes">
      <button data-testid="reply" aria-label="${n % 13} Replies. Reply" role="button" type="button"><div><span>${n % 13}</span></div></button>
      <button data-testid="retweet" aria-label="${n % 7} reposts. Repost" role="button" type="button"><div><span>${n % 7}</span></div></button>
      <button data-testid="like" aria-label="${n % 50} Likes. Like" role="button" type="button"><div><span data-testid="app-text-transition-container">${n % 50}</span></div></button>
      <a href="/${handle}/status/${1_800_000 + n}/analytics" aria-label="View post analytics" role="link"><span>${n * 3}</span></a>
      <button data-testid="bookmark" aria-label="Bookmark" role="button" type="button"><div></div></button>
    </div>
  </div>
</article></div></div>`;
    return div;
  };

  while (document.getElementsByTagName('*').length < 2_100) list.append(cell());

  // Seeded, so that the pages with and without the extension make exactly the same changes.
  let seed = 42;
  const random = (max) => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * max);
  };
  // Three kinds of change in turn, each its own task, as X does: childList, characterData + attributes, style.
  const changes = [
    () => {
      list.prepend(cell());
      list.lastElementChild.remove();
    },
    () => {
      const like = list.children[random(list.children.length)].querySelector('[data-testid="like"]');
      const count = Number(like.textContent) + 1;
      like.querySelector('span').textContent = String(count);
      like.setAttribute('aria-label', `${count} Likes. Like`);
    },
    () => {
      const target = list.children[random(list.children.length)];
      target.style.transform = `translateY(${random(10_000)}px)`;
    },
  ];

  window.__bench = {
    nodes: () => document.getElementsByTagName('*').length,
    /** Makes `total` changes, `rate` a second; resolves when done, with the mutation records they made. */
    run: (total, rate) =>
      new Promise((resolve) => {
        let done = 0;
        let mutations = 0;
        const counter = new MutationObserver((records) => {
          mutations += records.length;
        });
        counter.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        const started = performance.now();
        const timer = setInterval(() => {
          changes[done % changes.length]();
          if (++done < total) return;
          clearInterval(timer);
          mutations += counter.takeRecords().length;
          counter.disconnect();
          resolve({ changes: done, mutations, ms: performance.now() - started });
        }, 1000 / rate);
      }),
  };
})();
