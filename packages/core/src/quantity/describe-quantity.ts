/** describeQuantity: one figure as a short phrase for findings and messages ("≥ 1500 家", "增长 ≥ 2%"). */
import type { Lang } from '../glossary.js';
import type { Comparator, Quantity } from './measure.js';

const SYMBOLS: Readonly<Record<Lang, Readonly<Record<Comparator, string>>>> = {
  zh: { atLeast: '≥', above: '>', atMost: '≤', below: '<', exactly: '=', about: '约', nearly: '近' },
  en: { atLeast: '≥', above: '>', atMost: '≤', below: '<', exactly: '=', about: '≈', nearly: 'nearly' },
};

const ENDS_WITH_MAGNITUDE = /[万亿]$/u;

function trimmed(value: number, fractionDigits: number): string {
  return String(Number(value.toFixed(fractionDigits)));
}

// Large figures read as they are written in Chinese (1.5亿, 12万) rather than as nine-digit numbers.
function formatZh(value: number): string {
  const size = Math.abs(value);
  for (const [magnitude, word] of [[1e8, '亿'], [1e4, '万']] as const) {
    if (size >= magnitude) {
      const scaled = value / magnitude;
      // Only when it reads cleanly (1.5亿, 2000.5万); 12345 stays 12345 rather than 1.2345万.
      if (Math.abs(scaled * 100 - Math.round(scaled * 100)) < 1e-6) return `${trimmed(scaled, 2)}${word}`;
    }
  }
  return trimmed(value, 6);
}

function formatEn(value: number): string {
  const [whole = '0', fraction] = trimmed(Math.abs(value), 6).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * A figure as a short phrase for messages: "≥ 1500 家", "> 140亿 元", "增长 ≥ 2%", "各 ≤ 7 个" (zh) or
 * "≥ 1,500 家", "growth ≥ 2%", "≤ 7 个 each" (en). Units stay as written in the form.
 */
export function describeQuantity(q: Quantity, lang: Lang): string {
  const symbol = q.comparator === null ? '' : `${SYMBOLS[lang][q.comparator]} `;
  const number = lang === 'zh' ? formatZh(q.value) : formatEn(q.value);
  // "≥ 1500 家" but "> 140亿元" and "≥ 95%": no space after a Chinese magnitude or before a percent sign.
  const tight = q.unit === '%' || q.unit === '‰' || ENDS_WITH_MAGNITUDE.test(number);
  const unit = q.unit === '' ? '' : tight ? q.unit : ` ${q.unit}`;
  const figure = `${symbol}${number}${unit}`;
  if (lang === 'zh') return `${q.kind === 'growth' ? '增长 ' : ''}${q.each ? '各 ' : ''}${figure}`;
  return `${q.kind === 'growth' ? 'growth ' : ''}${figure}${q.each ? ' each' : ''}`;
}
