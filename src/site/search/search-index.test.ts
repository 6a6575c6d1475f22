import { describe, expect, it } from 'vitest';
import { sentences } from './search-index.ts';

describe('a search record’s text', () => {
  it('gives each part as a sentence, each sentence once, in order', () => {
    const boiler = '根据街道党工委部署，责任单位要细化工作方案。考核督查办将加强跟踪督办。';
    expect(sentences(['背街小巷整治', `完成清运。${boiler}`, '', `  ${boiler}  `, '完成清运。', '新问题：产权纠纷'])).toBe(
      '背街小巷整治。完成清运。根据街道党工委部署，责任单位要细化工作方案。考核督查办将加强跟踪督办。新问题：产权纠纷。',
    );
  });

  it('keeps a sentence that differs in one character', () => {
    expect(sentences(['进度过半。', '进度过半！', '进度过半。'])).toBe('进度过半。进度过半！');
  });
});
