import { createHash } from 'node:crypto'
import { expect } from 'chai'
import { sha256 } from '../../../../integrations/facebook-pixel/sha256'

describe('Facebook Pixel sha256', () => {
  it('gives the hashes the reference expects', () => {
    expect(sha256('steph@warriors.com')).to.equal(
      '6dd27a21704a843224245b20369e216eecd3a599b78c4489e5f6cabb5aeca24a',
    )
    expect(sha256('Warriors')).to.equal(
      '3fae3f8daeddc90e04e7502be791c0d149cbc8f0886d68037ad81b8bd61d029d',
    )
  })

  it("matches Node's SHA-256 at block edges and beyond ASCII", () => {
    const inputs = [
      '',
      'abc',
      'é日本🎉',
      'x'.repeat(55),
      'x'.repeat(56),
      'x'.repeat(64),
      'y'.repeat(1000),
    ]

    for (const input of inputs) {
      expect(sha256(input), JSON.stringify(input)).to.equal(
        createHash('sha256').update(input).digest('hex'),
      )
    }
  })
})
